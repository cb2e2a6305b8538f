/// `{% cycle 'a', 'b' %}` and `{% cycle group: 'a', 'b' %}`: the next value
/// each time. Unnamed cycles of the same literals share their place.
final class Cycle: Node {
    enum Key: Sendable {
        /// Literals only: shared with every cycle of the same values.
        case fixed(String)
        /// Holding a variable: this tag's own place.
        case own
        case named(Expression)
    }

    let key: Key
    let values: [Expression]
    let line: Int?
    var isBlank: Bool { false }

    private init(key: Key, values: [Expression], line: Int?) {
        self.key = key
        self.values = values
        self.line = line
    }

    private static let named = LaxScanner.regex("\\A(\(LaxScanner.quotedFragment))\(LaxScanner.s)*:\(LaxScanner.s)*(.*)")
    private static let simple = LaxScanner.regex("\\A\(LaxScanner.quotedFragment)+")
    private static let fragment = LaxScanner.regex("\(LaxScanner.s)*(\(LaxScanner.quotedFragment))\(LaxScanner.s)*")

    static let parser = TagParser { _, markup, parser in
        let line = parser.line
        let (name, values): (Expression?, [Expression]) = try parser.parseMarkup(
            markup, strict2: { try strict2(markup, parser) }, strict: { try lax(markup) }, lax: { try lax(markup) })
        let key: Key
        if let name {
            key = .named(name)
        } else if values.allSatisfy({ if case .literal = $0 { return true }; return false }) {
            key = .fixed(Value.array(values.map { if case .literal(let value) = $0 { return value }; return .nil }).inspect)
        } else {
            key = .own
        }
        return Cycle(key: key, values: values, line: line)
    }

    private static func lax(_ markup: Substring) throws -> (Expression?, [Expression]) {
        func values(_ text: Substring) -> [Expression] {
            text.split(separator: ",", omittingEmptySubsequences: false).compactMap { part in
                LaxScanner.firstMatch(fragment, in: part)?[1].map { Expression.parse(lax: $0) }
            }
        }
        if let match = LaxScanner.firstMatch(named, in: markup), let name = match[1], let rest = match[2] {
            return (Expression.parse(lax: name), values(rest))
        }
        if LaxScanner.firstMatch(simple, in: markup) != nil {
            return (nil, values(markup))
        }
        throw LiquidError.syntax("Syntax Error in 'cycle' - Valid syntax: cycle [name :] var [, var2, var3 ...]")
    }

    private static func strict2(_ markup: Substring, _ parser: TemplateParser) throws -> (Expression?, [Expression]) {
        var p = try parser.markupParser(markup)
        if p.look(.endOfString) {
            throw LiquidError.syntax("Syntax Error in 'cycle' - Valid syntax: cycle [name :] var [, var2, var3 ...]")
        }
        var name: Expression?
        var values = [try p.expression()]
        if p.consumeIf(.colon) != nil {
            name = values.removeLast()
            values.append(try p.expression())
        }
        while p.consumeIf(.comma) != nil {
            if p.look(.endOfString) { break }
            values.append(try p.expression())
        }
        try p.consume(.endOfString)
        return (name, values)
    }

    func render(_ context: Context, into output: inout String) throws {
        let registerKey: String
        switch key {
        case .fixed(let text): registerKey = text
        case .own: registerKey = "own:\(UInt(bitPattern: ObjectIdentifier(self).hashValue))"
        case .named(let expression): registerKey = "named:" + (try expression.evaluate(context)).inspect
        }
        let position = context.registers.cycles[registerKey] ?? 0
        guard !values.isEmpty else { return }
        let value = try values[min(position, values.count - 1)].evaluate(context)
        if case .array(let items) = value {
            output += Cycle.joined(items)
        } else {
            output += value.text
        }
        context.registers.cycles[registerKey] = position + 1 >= values.count ? 0 : position + 1
    }

    /// Ruby's `Array#join` with no separator: nested arrays flattened.
    static func joined(_ items: [Value]) -> String {
        items.map { if case .array(let inner) = $0 { return joined(inner) }; return $0.text }.joined()
    }
}
