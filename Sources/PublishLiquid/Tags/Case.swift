/// `{% case x %}{% when a, b or c %}…{% else %}…{% endcase %}`: every
/// matching `when` renders; `else` renders when none did before it.
final class Case: Node {
    enum Branch: Sendable {
        case when([Expression], Body)
        case otherwise(Body)
    }

    let subject: Expression
    let branches: [Branch]
    let line: Int?
    let isBlank: Bool

    private init(subject: Expression, branches: [Branch], line: Int?, isBlank: Bool) {
        self.subject = subject
        self.branches = branches
        self.line = line
        self.isBlank = isBlank
    }

    private static let syntax = LaxScanner.regex("(\(LaxScanner.quotedFragment))")
    private static let whenSyntax = LaxScanner.regex(
        "(\(LaxScanner.quotedFragment))(?:(?:\(LaxScanner.s)+or\(LaxScanner.s)+|\(LaxScanner.s)*,\(LaxScanner.s)*)(\(LaxScanner.quotedFragment).*))?")

    static let parser = TagParser { _, markup, parser in
        let line = parser.line
        let subject = try parser.parseMarkup(markup, strict2: {
            var p = try parser.markupParser(markup)
            let subject = try p.expression()
            try p.consume(.endOfString)
            return subject
        }, strict: { try lax(markup) }, lax: { try lax(markup) })
        // Text before the first `when` is never rendered, but still counts for blankness.
        var (leading, stop) = try parser.parseBlock()
        var blank = leading.isBlank
        var branches: [Branch] = []
        while true {
            guard let found = stop else { throw LiquidError.syntax("'case' tag was never closed") }
            if found.name == "endcase" { break }
            let next: Branch
            if found.name == "when" {
                let values = try parser.errorMode == .strict2 ? strict2When(found.markup, parser) : laxWhen(found.markup)
                (leading, stop) = try parser.parseBlock()
                next = .when(values, leading)
            } else if found.name == "else" {
                guard RubyString.strip(found.markup).isEmpty else {
                    throw LiquidError.syntax("Syntax Error in tag 'case' - Valid else condition: {% else %} (no parameters) ")
                }
                (leading, stop) = try parser.parseBlock()
                next = .otherwise(leading)
            } else {
                throw parser.unknownTag(found, in: "case", delimiter: "endcase")
            }
            blank = blank && leading.isBlank
            branches.append(next)
        }
        if blank {
            branches = branches.map {
                switch $0 {
                case .when(let values, let body): .when(values, body.withoutText())
                case .otherwise(let body): .otherwise(body.withoutText())
                }
            }
        }
        return Case(subject: subject, branches: branches, line: line, isBlank: blank)
    }

    private static func lax(_ markup: Substring) throws -> Expression {
        guard let match = LaxScanner.firstMatch(syntax, in: markup), let subject = match[1] else {
            throw LiquidError.syntax("Syntax Error in 'case' - Valid syntax: case [condition]")
        }
        return Expression.parse(lax: subject)
    }

    private static func laxWhen(_ markup: Substring) throws -> [Expression] {
        var values: [Expression] = []
        var rest: Substring? = markup
        while let text = rest {
            guard let match = LaxScanner.firstMatch(whenSyntax, in: text), let value = match[1] else {
                throw LiquidError.syntax("Syntax Error in tag 'case' - Valid when condition: {% when [condition] [or condition2...] %}")
            }
            values.append(If.laxExpression(value))
            rest = match[2]
        }
        return values
    }

    private static func strict2When(_ markup: Substring, _ parser: TemplateParser) throws -> [Expression] {
        var p = try parser.markupParser(markup)
        var values: [Expression] = []
        repeat {
            values.append(try If.conditionExpression(&p))
        } while p.consumeWord("or") || p.consumeIf(.comma) != nil
        try p.consume(.endOfString)
        return values
    }

    func render(_ context: Context, into output: inout String) throws {
        var matched = false
        for branch in branches {
            switch branch {
            case .when(let values, let body):
                for value in values {
                    let comparison = Condition.Comparison(left: subject, op: "==", right: value)
                    if try Condition.evaluate(comparison, context) {
                        matched = true
                        try body.render(context, into: &output)
                    }
                }
            case .otherwise(let body):
                if !matched { try body.render(context, into: &output) }
            }
        }
    }
}
