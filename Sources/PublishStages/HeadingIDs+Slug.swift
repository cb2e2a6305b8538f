import PublishAST

/// GitHub's heading slug: the heading's text in lower case, each space a
/// `-`, and of the rest only letters, marks, digits, `_` and `-` kept. So
/// Chinese stays, emoji and punctuation go. A slug left empty is `section`.
enum Slug {
    static func of(_ heading: NodeID, in document: Document) -> String {
        var slug = String.UnicodeScalarView()
        for scalar in text(of: heading, in: document).lowercased().unicodeScalars {
            if scalar == " " {
                slug.append("-")
            } else if isKept(scalar) {
                slug.append(scalar)
            }
        }
        return slug.isEmpty ? "section" : String(slug)
    }

    /// The text a reader sees: text and code, inside emphasis, links and
    /// image descriptions too; raw HTML is markup, not text.
    static func text(of node: NodeID, in document: Document) -> String {
        var text = ""
        for case .enter(let inner) in document.events(from: node) {
            switch document.kind(of: inner) {
            case .inline(.text(let part)), .inline(.code(let part)): text += part
            case .inline(.softBreak), .inline(.lineBreak): text += "\n"
            default: break
            }
        }
        return text
    }

    private static func isKept(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "-" || scalar == "_" { return true }
        let properties = scalar.properties
        if properties.isAlphabetic { return true }
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .connectorPunctuation: return true
        default: return false
        }
    }
}
