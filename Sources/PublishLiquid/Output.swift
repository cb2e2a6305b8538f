/// `{{ expression | filter: arg, key: value }}`, and the value side of
/// `assign` and `echo`.
public final class Output: Node {
    struct FilterCall: Sendable {
        var name: String
        var arguments: [Expression]
        var keywords: [(String, Expression)]
    }

    let expression: Expression?
    let filters: [FilterCall]
    public let line: Int?
    public var isBlank: Bool { false }

    init(expression: Expression?, filters: [FilterCall], line: Int?) {
        self.expression = expression
        self.filters = filters
        self.line = line
    }

    /// Parses `markup` as the error mode says: strictly, falling back to the
    /// forgiving reading in lax and warn modes.
    convenience init(markup: Substring, parser: TemplateParser) throws {
        let (expression, filters) = try parser.parseMarkupWithFallback(
            context: "in \"{{\(markup)}}\"",
            strict2: { try Output.strict(markup, parser: parser, strict2: true) },
            strict: { try Output.strict(markup, parser: parser, strict2: false) },
            lax: { Output.lax(markup) })
        self.init(expression: expression, filters: filters, line: parser.line)
    }

    private static func strict(_ markup: Substring, parser: TemplateParser, strict2: Bool) throws -> (Expression?, [FilterCall]) {
        var p = try parser.markupParser(markup)
        if p.look(.endOfString) { return (nil, []) }
        let expression = try p.expression()
        var filters: [FilterCall] = []
        while p.consumeIf(.pipe) != nil {
            let name = String(try p.consume(.id))
            var call = FilterCall(name: name, arguments: [], keywords: [])
            if p.consumeIf(.colon) != nil {
                if strict2 {
                    // strict2 lets the argument list end early and take a trailing comma.
                    func atEnd() -> Bool { p.look(.pipe) || p.look(.endOfString) }
                    if !atEnd() { try add(p.argument(), to: &call) }
                    while p.consumeIf(.comma) != nil, !atEnd() { try add(p.argument(), to: &call) }
                } else {
                    try add(p.argument(), to: &call)
                    while p.consumeIf(.comma) != nil { try add(p.argument(), to: &call) }
                }
            }
            filters.append(call)
        }
        try p.consume(.endOfString)
        return (expression, filters)
    }

    private static func add(_ argument: (keyword: String?, value: Expression), to call: inout FilterCall) {
        if let keyword = argument.keyword {
            call.keywords.removeAll { $0.0 == keyword }
            call.keywords.append((keyword, argument.value))
        } else {
            call.arguments.append(argument.value)
        }
    }

    /// The forgiving reading: the first quoted or unquoted fragment is the
    /// value, and each `|` starts a filter whose arguments are found by
    /// their shape, whatever lies between them.
    static func lax(_ markup: Substring) -> (Expression?, [FilterCall]) {
        guard let first = LaxScanner.quotedFragment(in: markup) else { return (nil, []) }
        let expression = Expression.parse(lax: markup[first])
        var filters: [FilterCall] = []
        let rest = markup[first.upperBound...]
        guard let pipe = rest.firstIndex(of: "|") else { return (expression, []) }
        for chunk in LaxScanner.filterChunks(rest[rest.index(after: pipe)...]) {
            guard let name = LaxScanner.firstWord(in: chunk) else { continue }
            var call = FilterCall(name: String(name), arguments: [], keywords: [])
            for argument in LaxScanner.filterArguments(in: chunk) {
                if let (key, value) = LaxScanner.keywordArgument(argument) {
                    call.keywords.removeAll { $0.0 == key }
                    call.keywords.append((String(key), Expression.parse(lax: value)))
                } else {
                    call.arguments.append(Expression.parse(lax: argument))
                }
            }
            filters.append(call)
        }
        return (expression, filters)
    }

    /// The value, filtered.
    func evaluate(_ context: Context) throws -> Value {
        var value = try expression?.evaluate(context) ?? .nil
        for call in filters {
            var arguments = try call.arguments.map { try $0.evaluate(context) }
            if !call.keywords.isEmpty {
                var hash = Hash()
                for (key, expression) in call.keywords { hash[key] = try expression.evaluate(context) }
                arguments.append(.hash(hash))
            }
            guard let filter = context.environment.filters[call.name] else {
                if context.strictFilters { throw LiquidError(.undefinedFilter, "undefined filter \(call.name)") }
                continue
            }
            value = try filter.apply(value, arguments, context: context)
        }
        return value
    }

    public func render(_ context: Context, into output: inout String) throws {
        Output.write(try evaluate(context), into: &output)
    }

    /// Writes a value as output does: nil as nothing, an array's items one
    /// after another, anything else as its text.
    static func write(_ value: Value, into output: inout String) {
        switch value {
        case .nil: break
        case .string(let text): output += text
        case .array(let items): for item in items { write(item, into: &output) }
        default: output += value.text
        }
    }
}
