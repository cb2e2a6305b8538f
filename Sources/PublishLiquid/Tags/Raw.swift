import Foundation

/// `{% raw %}…{% endraw %}`, `{% comment %}…{% endcomment %}`,
/// `{% doc %}…{% enddoc %}` and `{% # note %}`: text that is not Liquid.
final class Raw: Node {
    let text: String
    let line: Int?
    let isBlank: Bool

    private init(text: String, line: Int?, isBlank: Bool) {
        self.text = text
        self.line = line
        self.isBlank = isBlank
    }

    /// liquid-ruby's `FullTokenPossiblyInvalid`: any text, then a tag.
    private static let closing = LaxScanner.regex("\\A(.*)\\{%-?\(LaxScanner.s)*(\(LaxScanner.w)+)\(LaxScanner.s)*(.*)?-?%\\}\\z")

    /// The text before `{% name %}` when `token` ends with that tag.
    static func closingTag(_ token: Substring) -> (before: Substring, name: Substring)? {
        guard token.hasSuffix("%}"), let match = LaxScanner.firstMatch(closing, in: token),
              let before = match[1], let name = match[2] else { return nil }
        return (before, name)
    }

    /// Reads tokens as text until the end tag; a nested tag of the same
    /// name is an error for `doc`.
    private static func body(until end: String, parser: TemplateParser, nested: String?) throws -> String {
        var text = ""
        while let token = parser.nextToken() {
            if let (before, name) = closingTag(token) {
                if let nested, name == nested {
                    throw LiquidError.syntax("Syntax Error in 'doc' - Nested doc tags are not allowed")
                }
                if name == end {
                    parser.trimsNextText = token.utf8.dropLast(2).last == UInt8(ascii: "-")
                    text += before
                    return text
                }
            }
            text += token
        }
        throw LiquidError.syntax("'\(end.dropFirst(3))' tag was never closed")
    }

    static let raw = TagParser { name, markup, parser in
        guard RubyString.strip(markup).isEmpty else { throw LiquidError.syntax("Syntax Error in '\(name)' - Valid syntax: \(name)") }
        let line = parser.line
        let text = try body(until: "endraw", parser: parser, nested: nil)
        return Raw(text: text, line: line, isBlank: text.isEmpty)
    }

    static let doc = TagParser { name, markup, parser in
        guard RubyString.strip(markup).isEmpty else {
            throw LiquidError.syntax("Syntax Error in '\(name)' - Valid syntax: {% \(name) %}{% end\(name) %}")
        }
        let line = parser.line
        _ = try body(until: "enddoc", parser: parser, nested: "doc")
        return Raw(text: "", line: line, isBlank: true)
    }

    /// A comment skips nested comments and raw blocks whole, and any tag in
    /// between, valid or not.
    static let comment = TagParser { _, _, parser in
        let line = parser.line
        guard parser.depth < parser.environment.maximumDepth else { throw LiquidError(.stackLevel, "Nesting too deep") }
        var depth = 1
        while let token = parser.nextToken() {
            let name: Substring?
            if parser.isLiquidTag {
                let trimmed = RubyString.strip(token)
                if trimmed.isEmpty { continue }
                name = TagToken.liquidLine(trimmed)?.0
            } else {
                name = TagToken(token)?.name
            }
            switch name {
            case "raw"?:
                _ = try body(until: "endraw", parser: parser, nested: nil)
            case "comment"?:
                depth += 1
            case "endcomment"?:
                depth -= 1
            default:
                break
            }
            if depth == 0 {
                if !parser.isLiquidTag { parser.trimsNextText = token.utf8.dropLast(2).last == UInt8(ascii: "-") }
                return Raw(text: "", line: line, isBlank: true)
            }
        }
        throw LiquidError.syntax("'comment' tag was never closed")
    }

    static let inlineComment = TagParser { _, markup, parser in
        // Every line after the first must start with `#`.
        let lines = markup.split(separator: "\n", omittingEmptySubsequences: false).dropFirst()
        for line in lines {
            let trimmed = RubyString.lstrip(line)
            if let first = trimmed.first, first != "#" {
                throw LiquidError.syntax("Syntax error in tag '#' - Each line of comments must be prefixed by the '#' character")
            }
        }
        return Raw(text: "", line: parser.line, isBlank: true)
    }

    func render(_ context: Context, into output: inout String) throws {
        output += text
    }
}

/// `{% ifchanged %}…{% endifchanged %}`: writes its body when it differs
/// from what it wrote last time.
final class IfChanged: Node {
    let body: Body
    let line: Int?
    var isBlank: Bool { body.isBlank }

    private init(body: Body, line: Int?) {
        self.body = body
        self.line = line
    }

    static let parser = TagParser { _, _, parser in
        let line = parser.line
        let (body, stop) = try parser.parseBlock()
        guard let stop else { throw LiquidError.syntax("'ifchanged' tag was never closed") }
        guard stop.name == "endifchanged" else { throw parser.unknownTag(stop, in: "ifchanged", delimiter: "endifchanged") }
        return IfChanged(body: body, line: line)
    }

    func render(_ context: Context, into output: inout String) throws {
        var text = ""
        try body.render(context, into: &text)
        if text != context.registers.lastChanged {
            context.registers.lastChanged = text
            output += text
        }
    }
}
