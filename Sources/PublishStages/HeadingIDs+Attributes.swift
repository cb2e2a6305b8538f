import PublishAST

/// An id and classes a heading asks for at the end of its text, kramdown's
/// way: `## Title {#id .class}`, after a space or tab.
struct HeadingAttributes {
    var id: String?
    var classes: [String]

    /// Reads the `{…}` that ends the heading's trailing text and removes it,
    /// with the blanks before it; nil when the heading has none.
    static func take(from heading: NodeID, in document: inout Document) -> HeadingAttributes? {
        // libcmark may split `{#my_id}` at the `_`, so the text nodes at the end are read as one.
        var tail: [NodeID] = []
        var current = document.lastChild(of: heading)
        while let node = current, case .inline(.text) = document.kind(of: node) {
            tail.append(node)
            current = document.previous(of: node)
        }
        tail.reverse()
        let text = tail.map { node -> String in
            if case .inline(.text(let part)) = document.kind(of: node) { return part }
            return ""
        }.joined()
        guard text.hasSuffix("}"), let open = text.lastIndex(of: "{"),
              let attributes = parse(text[text.index(after: open)..<text.index(before: text.endIndex)]) else { return nil }
        var kept = text[..<open]
        guard let last = kept.unicodeScalars.last, last == " " || last == "\t" else { return nil }
        while let blank = kept.unicodeScalars.last, blank == " " || blank == "\t" {
            kept = kept.dropLast()
        }
        // Keep the first `kept.utf8.count` bytes of the tail's text.
        var remaining = kept.utf8.count
        for node in tail {
            guard case .inline(.text(let part)) = document.kind(of: node) else { continue }
            if remaining >= part.utf8.count {
                remaining -= part.utf8.count
            } else if remaining == 0 {
                document.detach(node)
            } else {
                let bytes = Array(part.utf8.prefix(remaining))
                document.setKind(.inline(.text(String(decoding: bytes, as: UTF8.self))), of: node)
                remaining = 0
            }
        }
        return attributes
    }

    /// `#id .class .other`, in any order, one id at most.
    private static func parse(_ text: Substring) -> HeadingAttributes? {
        var attributes = HeadingAttributes(id: nil, classes: [])
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard !words.isEmpty else { return nil }
        for word in words {
            let name = word.dropFirst()
            guard isName(name) else { return nil }
            switch word.first {
            case "#" where attributes.id == nil: attributes.id = String(name)
            case ".": attributes.classes.append(String(name))
            default: return nil
            }
        }
        return attributes
    }

    /// kramdown's names: a letter, then letters, digits, `_`, `-` and `:`.
    private static func isName(_ name: Substring) -> Bool {
        guard let first = name.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic else { return false }
        return name.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "_-:".unicodeScalars.contains($0))
        }
    }
}
