import Foundation
import PublishAST

/// Writes a document as plain text for people to read: an email's text part,
/// a summary. Headings are underlined, lists keep their markers, quotes
/// their `> `, code is indented, links read `text (url)`, tables are aligned
/// in columns, footnotes are listed at the end. No other markup survives.
public struct TextWriter: Sendable {
    public var options: TextOptions

    public init(options: TextOptions = TextOptions()) {
        self.options = options
    }

    public func render(_ document: Document, from node: NodeID? = nil) -> String {
        var walker = TextWalker(wrapper: TextWrapper(width: options.columns))
        document.walk(&walker, from: node)
        return walker.output
    }
}

/// The walk behind `TextWriter`.
struct TextWalker: Walker {
    let wrapper: TextWrapper
    private(set) var output = ""

    /// What starts each line for every open container: a quote's `> `, a
    /// list item's marker on its first line and spaces after.
    private struct Margin {
        var first: String
        var rest: String
        var used = false
    }

    private var margins: [Margin] = []
    /// Set when a block ended, so the next one starts after a blank line.
    private var blankLinePending = false
    /// The text of the paragraph, heading or cell being written.
    private var inline: String?
    /// Open links and images: where their text started and where they point.
    private var spans: [(start: String.Index, destination: String, isImage: Bool)] = []
    private var tableRows: [[String]] = []
    private var tableAlignments: [TableAlignment] = []
    private var wroteNotesRule = false

    init(wrapper: TextWrapper) {
        self.wrapper = wrapper
    }

    mutating func enter(_ node: NodeID, in document: Document) -> WalkDecision {
        switch document.kind(of: node) {
        case .block(let block):
            if isInTightList(node, document) { blankLinePending = false }
            enterBlock(block, node, document)
        case .inline(let inline):
            enterInline(inline)
        }
        return .descend
    }

    mutating func exit(_ node: NodeID, in document: Document) {
        switch document.kind(of: node) {
        case .block(let block):
            exitBlock(block)
        case .inline(let inline):
            exitInline(inline)
        }
    }

    // MARK: Blocks

    private mutating func enterBlock(_ block: Block, _ node: NodeID, _ document: Document) {
        switch block {
        case .document, .list:
            break
        case .tableHead, .tableRow:
            tableRows.append([])
        case .blockQuote:
            margins.append(Margin(first: "> ", rest: "> "))
        case .item(let task):
            var marker = "- "
            if let parent = document.parent(of: node), case .block(.list(let style)) = document.kind(of: parent),
               style.kind == .ordered {
                var number = style.start
                var sibling = document.previous(of: node)
                while let previous = sibling {
                    number += 1
                    sibling = document.previous(of: previous)
                }
                marker = "\(number)\(style.delimiter == .parenthesis ? ")" : ".") "
            }
            let indent = String(repeating: " ", count: marker.count)
            if let task { marker += task == .checked ? "[x] " : "[ ] " }
            margins.append(Margin(first: marker, rest: indent))
        case .paragraph, .heading, .tableCell:
            inline = ""
        case .codeBlock(_, let code):
            var lines = code.split(separator: "\n", omittingEmptySubsequences: false)
            if lines.last == "" { lines.removeLast() }
            emit(lines.map { $0.isEmpty ? "" : "    " + $0 })
        case .htmlBlock(let html):
            let text = HTMLText.plain(html)
            if !text.isEmpty { emit(wrap(text)) }
        case .thematicBreak:
            emit(["* * *"])
        case .table(let alignments):
            tableRows = []
            tableAlignments = alignments
        case .footnoteDefinition(_, let number):
            if !wroteNotesRule {
                emit(["-----"])
                wroteNotesRule = true
            }
            let marker = "[\(number)] "
            margins.append(Margin(first: marker, rest: String(repeating: " ", count: marker.count)))
        }
    }

    private mutating func exitBlock(_ block: Block) {
        switch block {
        case .document, .codeBlock, .htmlBlock, .thematicBreak, .tableHead, .tableRow:
            break
        case .blockQuote, .item, .footnoteDefinition:
            margins.removeLast()
        case .list:
            blankLinePending = true
        case .paragraph:
            emit(wrap(takeInline()))
        case .heading(let level):
            let lines = wrap(takeInline())
            let width = lines.map(\.displayWidth).max() ?? 0
            switch level {
            case 1: emit(lines + [String(repeating: "=", count: width)])
            case 2: emit(lines + [String(repeating: "-", count: width)])
            default: emit(lines)
            }
        case .tableCell:
            tableRows[tableRows.count - 1].append(takeInline().replacingOccurrences(of: "\n", with: " "))
        case .table:
            emit(TextTable(rows: tableRows, alignments: tableAlignments).lines())
        }
    }

    /// Blocks in a tight list follow each other without blank lines: an
    /// item after an item, and a block after another in one item.
    private func isInTightList(_ node: NodeID, _ document: Document) -> Bool {
        guard document.previous(of: node) != nil, let parent = document.parent(of: node) else { return false }
        let list: NodeID?
        if case .block(.item) = document.kind(of: node) {
            list = parent
        } else if case .block(.item) = document.kind(of: parent) {
            list = document.parent(of: parent)
        } else {
            list = nil
        }
        guard let list, case .block(.list(let style)) = document.kind(of: list) else { return false }
        return style.isTight
    }

    // MARK: Inlines

    private mutating func enterInline(_ kind: Inline) {
        guard inline != nil else { return }
        switch kind {
        case .text(let text), .code(let text):
            inline! += text
        case .softBreak:
            inline! += " "
        case .lineBreak:
            inline! += "\n"
        case .html(let html):
            if HTMLText.isLineBreak(html) { inline! += "\n" }
        case .link(let destination, _):
            spans.append((inline!.endIndex, destination, false))
        case .image(let source, _):
            spans.append((inline!.endIndex, source, true))
        case .footnoteReference(_, let number):
            inline! += "[\(number)]"
        case .emphasis, .strong, .strikethrough:
            break
        }
    }

    private mutating func exitInline(_ kind: Inline) {
        guard inline != nil else { return }
        switch kind {
        case .link, .image:
            let span = spans.removeLast()
            let label = TextWalker.trimmingSpaces(inline![span.start...])
            if label.isEmpty {
                inline! += span.destination
            } else if label != span.destination && "mailto:" + label != span.destination {
                inline! += " (\(span.destination))"
            }
        default:
            break
        }
    }

    // MARK: Output

    private mutating func takeInline() -> String {
        defer { inline = nil }
        return inline ?? ""
    }

    private func wrap(_ text: String) -> [String] {
        // Deep quotes and lists still leave some room for their text.
        let marginWidth = margins.reduce(0) { $0 + $1.rest.displayWidth }
        let available = max(wrapper.width - marginWidth, min(wrapper.width, 20))
        let fitted = TextWrapper(width: wrapper.width == 0 ? 0 : available)
        return TextWalker.lines(of: text).flatMap { fitted.wrap(TextWalker.trimmingSpaces($0)) }
    }

    /// `text.split(separator: "\n", omittingEmptySubsequences: false)`,
    /// found bytewise when there is no CR (with one, "\r\n" is a single
    /// character that the split must not cut).
    static func lines(of text: String) -> [Substring] {
        let bytes = text.utf8
        guard !bytes.contains(13) else { return text.split(separator: "\n", omittingEmptySubsequences: false) }
        return bytes.split(separator: 10, omittingEmptySubsequences: false).map { Substring($0) }
    }

    /// `line` without the spaces and tabs it starts and ends with: what
    /// `trimmingCharacters(in: .whitespaces)` drops (Unicode's Zs, as
    /// U+3000, and tab and U+200B), scalar by scalar, without Foundation's
    /// detour through UTF-16.
    static func trimmingSpaces(_ line: Substring) -> String {
        let scalars = line.unicodeScalars
        let isSpace = { (scalar: Unicode.Scalar) in
            scalar == " " || (scalar.value >= 0x80 || scalar == "\t")
                && (scalar == "\t" || scalar == "\u{200B}" || scalar.properties.generalCategory == .spaceSeparator)
        }
        guard let first = scalars.firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !isSpace($0) })!
        return String(scalars[first...last])
    }

    /// Writes the lines of one block, after a blank line if a block came before.
    private mutating func emit(_ lines: [String]) {
        if blankLinePending && !output.isEmpty {
            var prefix = ""
            for margin in margins {
                guard margin.used else { break }
                prefix += margin.rest
            }
            output += trimmingTrailingSpaces(prefix) + "\n"
        }
        for line in lines {
            var prefix = ""
            for index in margins.indices {
                prefix += margins[index].used ? margins[index].rest : margins[index].first
                margins[index].used = true
            }
            output += trimmingTrailingSpaces(prefix + line) + "\n"
        }
        blankLinePending = true
    }

    private func trimmingTrailingSpaces(_ line: String) -> String {
        var line = Substring(line)
        while line.last == " " { line.removeLast() }
        return String(line)
    }
}
