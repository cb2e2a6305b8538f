/// `{% if %}…{% elsif %}…{% else %}…{% endif %}` and `{% unless %}`.
final class If: Node {
    /// Each branch: its condition (nil for `else`) and body.
    let branches: [(Condition?, Body)]
    let negatesFirst: Bool
    let line: Int?
    let isBlank: Bool

    init(branches: [(Condition?, Body)], negatesFirst: Bool, line: Int?, isBlank: Bool) {
        self.branches = branches
        self.negatesFirst = negatesFirst
        self.line = line
        self.isBlank = isBlank
    }

    static func parser(negatesFirst: Bool) -> TagParser {
        TagParser { name, markup, parser in
            let line = parser.line
            var condition: Condition? = try If.condition(markup, parser: parser)
            var branches: [(Condition?, Body)] = []
            var blank = true
            while true {
                let (body, stop) = try parser.parseBlock()
                blank = blank && body.isBlank
                branches.append((condition, body))
                guard let stop else { throw LiquidError.syntax("'\(name)' tag was never closed") }
                switch stop.name {
                case "end" + name:
                    let kept = blank ? branches.map { ($0.0, $0.1.withoutText()) } : branches
                    return If(branches: kept, negatesFirst: negatesFirst, line: line, isBlank: blank)
                case "elsif": condition = try If.condition(stop.markup, parser: parser)
                case "else": condition = nil
                default: throw parser.unknownTag(stop, in: name, delimiter: "end" + name)
                }
            }
        }
    }

    /// A condition read as the error mode says.
    static func condition(_ markup: Substring, parser: TemplateParser) throws -> Condition {
        try parser.parseMarkup(markup, strict2: { try strict(markup, parser: parser) },
                               strict: { try strict(markup, parser: parser) },
                               lax: { try lax(markup) })
    }

    private static func strict(_ markup: Substring, parser: TemplateParser) throws -> Condition {
        var p = try parser.markupParser(markup)
        var comparisons = [try comparison(&p)]
        var joins: [String] = []
        while true {
            if p.consumeWord("and") { joins.append("and") } else if p.consumeWord("or") { joins.append("or") } else { break }
            comparisons.append(try comparison(&p))
        }
        try p.consume(.endOfString)
        return Condition(comparisons: comparisons, joins: joins)
    }

    private static func comparison(_ p: inout Parser) throws -> Condition.Comparison {
        let left = try conditionExpression(&p)
        if let op = p.consumeIf(.comparison) {
            return Condition.Comparison(left: left, op: String(op), right: try conditionExpression(&p))
        }
        return Condition.Comparison(left: left, op: nil, right: nil)
    }

    /// An expression, where a bare `blank` or `empty` asks the other side.
    static func conditionExpression(_ p: inout Parser) throws -> Expression {
        if p.look(.id), !p.look(.dot, ahead: 1), !p.look(.openSquare, ahead: 1) {
            if p.current.text == "blank" { _ = p.consume(); return .blank }
            if p.current.text == "empty" { _ = p.consume(); return .empty }
        }
        return try p.expression()
    }

    static func laxExpression(_ markup: Substring) -> Expression {
        switch RubyString.strip(markup) {
        case "blank": .blank
        case "empty": .empty
        default: Expression.parse(lax: markup)
        }
    }

    private static let expressionsAndOperators = LaxScanner.regex(
        "(?:\\b(?:\(LaxScanner.s)?and\(LaxScanner.s)?|\(LaxScanner.s)?or\(LaxScanner.s)?)\\b|(?:\(LaxScanner.s)*(?!\\b(?:\(LaxScanner.s)?and\(LaxScanner.s)?|\(LaxScanner.s)?or\(LaxScanner.s)?)\\b)(?:\(LaxScanner.quotedFragment)|[^ \\t\\n\\x0B\\f\\r]+)\(LaxScanner.s)*)+)")
    private static let syntax = LaxScanner.regex(
        "(\(LaxScanner.quotedFragment))\(LaxScanner.s)*([=!<>a-z_]+)?\(LaxScanner.s)*(\(LaxScanner.quotedFragment))?")

    /// The forgiving reading: comparisons and `and`/`or` cut out by shape.
    private static func lax(_ markup: Substring) throws -> Condition {
        var parts = LaxScanner.matches(expressionsAndOperators, in: markup).compactMap { $0[0] }
        func comparison(_ text: Substring?) throws -> Condition.Comparison {
            guard let text, let match = LaxScanner.firstMatch(syntax, in: text), let left = match[1] else {
                throw LiquidError.syntax("Syntax Error in tag 'if' - Valid syntax: if [expression]")
            }
            return Condition.Comparison(left: laxExpression(left), op: match[2].map(String.init),
                                        right: match[3].map(laxExpression))
        }
        var comparisons = [try comparison(parts.popLast())]
        var joins: [String] = []
        while !parts.isEmpty {
            let op = String(RubyString.strip(parts.removeLast()))
            let next = try comparison(parts.popLast())
            guard op == "and" || op == "or" else {
                throw LiquidError.syntax("Syntax Error in tag 'if' - Valid syntax: if [expression]")
            }
            comparisons.insert(next, at: 0)
            joins.insert(op, at: 0)
        }
        return Condition(comparisons: comparisons, joins: joins)
    }

    func render(_ context: Context, into output: inout String) throws {
        for (index, (condition, body)) in branches.enumerated() {
            var passes = try condition?.evaluate(context) ?? true
            if index == 0, negatesFirst { passes = !passes }
            if passes { return try body.render(context, into: &output) }
        }
    }
}

extension Body {
    /// The body without its text, for a blank block: liquid-ruby drops the
    /// whitespace between the tags of a block that writes nothing.
    func withoutText() -> Body {
        Body(elements.filter { if case .text = $0 { return false }; return true }, isBlank: isBlank)
    }
}
