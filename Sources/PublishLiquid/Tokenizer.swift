/// Splits a template into text, `{{ … }}` and `{% … %}` tokens, as
/// liquid-ruby's tokenizer does: a `{{` that meets `{%` before its `}}`
/// becomes a tag token, and one never closed is the bare `{{`.
struct Tokenizer {
    private(set) var tokens: [Substring] = []
    private var position = 0
    /// The line of the next token.
    private(set) var line: Int
    /// Whether the tokens are the lines of a `{% liquid %}` tag.
    let isLiquidTag: Bool

    init(_ source: String, line: Int = 1) {
        self.line = line
        self.isLiquidTag = false
        self.tokens = Tokenizer.split(source[...])
    }

    /// The lines of a `{% liquid %}` tag's markup, each a tag.
    init(liquidTagMarkup markup: Substring, line: Int) {
        self.line = line
        self.isLiquidTag = true
        self.tokens = markup.split(separator: "\n", omittingEmptySubsequences: false)
        if markup.hasSuffix("\n") { tokens.removeLast() }
    }

    mutating func next() -> Substring? {
        guard position < tokens.count else { return nil }
        let token = tokens[position]
        position += 1
        line += isLiquidTag ? 1 : token.utf8.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        return token
    }

    private static let open: UInt8 = 0x7B, close: UInt8 = 0x7D, percent: UInt8 = 0x25

    private static func split(_ source: Substring) -> [Substring] {
        var tokens: [Substring] = []
        // Once a search for `%}` (or for `}` and `{%`) has failed from some
        // place, it fails from every later place too: remembering that keeps
        // 100,000 unclosed `{%` linear instead of quadratic.
        var noTagEndFrom = source.endIndex
        var noVariableEndFrom = source.endIndex
        func tagEnd(_ bytes: Substring.UTF8View, from: String.Index) -> String.Index? {
            guard from < noTagEndFrom else { return nil }
            guard let end = Tokenizer.tagEnd(bytes, from: from) else {
                noTagEndFrom = from
                return nil
            }
            return end
        }
        func variableEnd(_ bytes: Substring.UTF8View, from: String.Index) -> String.Index? {
            guard from < noVariableEndFrom else { return nil }
            guard let end = Tokenizer.variableEnd(bytes, from: from, tagEnd: tagEnd) else {
                noVariableEndFrom = from
                return nil
            }
            return end
        }
        let bytes = source.utf8
        var index = bytes.startIndex
        func slice(_ from: String.Index, _ to: String.Index) -> Substring { source[from..<to] }
        while index < bytes.endIndex {
            let start = index
            if bytes[index] == open, let next = bytes.index(index, offsetBy: 1, limitedBy: bytes.endIndex), next < bytes.endIndex {
                if bytes[next] == percent {
                    let end = tagEnd(bytes, from: bytes.index(after: next))
                    tokens.append(end.map { slice(start, $0) } ?? "{%")
                    index = end ?? bytes.index(after: next)
                    continue
                }
                if bytes[next] == open {
                    // A `{{` never closed is the bare `{{`, and the rest is gone:
                    // parsing it is an error in every mode.
                    let end = variableEnd(bytes, from: bytes.index(after: next))
                    tokens.append(end.map { slice(start, $0) } ?? "{{")
                    index = end ?? bytes.endIndex
                    continue
                }
            }
            // Text up to the next `{{` or `{%`.
            var scan = bytes.index(after: index)
            while scan < bytes.endIndex {
                if bytes[scan] == open {
                    let next = bytes.index(after: scan)
                    if next < bytes.endIndex, bytes[next] == open || bytes[next] == percent { break }
                }
                scan = bytes.index(after: scan)
            }
            tokens.append(slice(start, scan))
            index = scan
        }
        return tokens
    }

    /// Just past the first `%}` from `from`.
    private static func tagEnd(_ bytes: Substring.UTF8View, from: String.Index) -> String.Index? {
        var index = from
        while index < bytes.endIndex {
            if bytes[index] == percent {
                let next = bytes.index(after: index)
                if next < bytes.endIndex, bytes[next] == close { return bytes.index(after: next) }
            }
            index = bytes.index(after: index)
        }
        return nil
    }

    /// The end of a `{{` token: just past `}}` (or a lone `}`), or, when a
    /// `{%` comes first, just past the `%}` that closes it.
    private static func variableEnd(_ bytes: Substring.UTF8View, from: String.Index,
                                    tagEnd: (Substring.UTF8View, String.Index) -> String.Index?) -> String.Index? {
        var index = from
        while index < bytes.endIndex {
            let byte = bytes[index]
            let next = bytes.index(after: index)
            if byte == close {
                if next < bytes.endIndex, bytes[next] == close { return bytes.index(after: next) }
                return next
            }
            if byte == open, next < bytes.endIndex, bytes[next] == percent {
                let afterPercent = bytes.index(after: next)
                return tagEnd(bytes, afterPercent) ?? afterPercent
            }
            index = next
        }
        return nil
    }
}
