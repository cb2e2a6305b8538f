import PublishAST

/// `east-asian-line-breaks`: a soft line break between two East Asian
/// characters is removed, so Chinese or Japanese wrapped in the source gets
/// no stray space in any output. Elsewhere a soft break stays one.
///
/// This is the segment-break rule of CSS Text 3: both neighbours Fullwidth,
/// Wide or Halfwidth (UAX #11), and neither Hangul, since Korean puts
/// spaces between words. Beyond it, as CSS Text 4 lets a renderer judge
/// from context, a dash, ellipsis or curly quote counts as the script of
/// the text it ends or starts: `缩进——` at a line's end joins the next
/// Chinese line, `wait—` does not.
public struct EastAsianLineBreaks: Stage {
    public static let name = "east-asian-line-breaks"

    public init(options: Settings) throws {
        try options.finish()
    }

    public func run(_ document: inout Document, context: inout StageContext) {
        var breaks: [NodeID] = []
        for case .enter(let node) in document.events() where document.kind(of: node) == .inline(.softBreak) {
            guard let before = document.previous(of: node), let after = document.next(of: node),
                  let left = Self.edgeScalar(of: before, last: true, in: document),
                  let right = Self.edgeScalar(of: after, last: false, in: document),
                  Self.joinsWithoutSpace(left), Self.joinsWithoutSpace(right) else { continue }
            breaks.append(node)
        }
        for node in breaks { document.detach(node) }
    }

    /// The last (or first) character of the text a node shows, found by
    /// going down the last (or first) children: a loop, not a recursion.
    static func edgeScalar(of node: NodeID, last: Bool, in document: Document) -> Unicode.Scalar? {
        var current = node
        while true {
            switch document.kind(of: current) {
            case .inline(.text(let text)), .inline(.code(let text)):
                // Past ambiguous punctuation to the character it belongs with,
                // reading from the edge without copying the text.
                let scalars = text.unicodeScalars
                if last { return scalars.reversed().first { !isAmbiguousPunctuation($0) } ?? scalars.last }
                return scalars.first { !isAmbiguousPunctuation($0) } ?? scalars.first
            case .inline(.emphasis), .inline(.strong), .inline(.strikethrough), .inline(.link), .inline(.image):
                guard let child = last ? document.lastChild(of: current) : document.firstChild(of: current) else {
                    return nil
                }
                current = child
            default:
                return nil
            }
        }
    }

    /// Punctuation of ambiguous width that Chinese and Japanese use as
    /// their own (`——`, `……`, curly quotes): it takes the script of the
    /// text it is attached to.
    static func isAmbiguousPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2014, 0x2015, 0x2026, 0x2018, 0x2019, 0x201C, 0x201D, 0x00B7, 0x203B: return true
        default: return false
        }
    }

    static func joinsWithoutSpace(_ scalar: Unicode.Scalar) -> Bool {
        let halfwidth = (0xFF61...0xFF9F).contains(scalar.value)
        return (scalar.isEastAsianWide || halfwidth) && !scalar.isHangul
    }
}

extension Unicode.Scalar {
    /// Hangul jamo and syllables, in any width.
    var isHangul: Bool {
        switch value {
        case 0x1100...0x11FF, 0x3130...0x318F, 0xA960...0xA97F, 0xAC00...0xD7FF, 0xFFA0...0xFFDC: return true
        default: return false
        }
    }
}
