/// `a == b and c`: comparisons joined by `and`/`or`, evaluated right to
/// left as liquid-ruby does (`a or b and c` is `a or (b and c)`).
struct Condition: Sendable {
    struct Comparison: Sendable {
        var left: Expression
        var op: String?
        var right: Expression?
    }

    /// The comparisons, and after each but the last the word joining it to the next.
    var comparisons: [Comparison]
    var joins: [String]

    init(_ comparison: Comparison) {
        comparisons = [comparison]
        joins = []
    }

    init(comparisons: [Comparison], joins: [String]) {
        self.comparisons = comparisons
        self.joins = joins
    }

    func evaluate(_ context: Context) throws -> Bool {
        // liquid-ruby chains each comparison to the one after it and evaluates
        // from the first: `and` stops at a false, `or` at a true.
        var index = 0
        while true {
            let result = try Condition.evaluate(comparisons[index], context)
            guard index < joins.count else { return result }
            if joins[index] == "or" ? result : !result { return result }
            index += 1
        }
    }

    static func evaluate(_ comparison: Comparison, _ context: Context) throws -> Bool {
        guard let op = comparison.op else { return try comparison.left.evaluate(context).isTruthy }
        // The forgiving parser may find an operator with nothing after it.
        let rightExpression = comparison.right ?? .literal(.nil)
        if let result = try methodLiteral(comparison.left, op, rightExpression, context) { return result }
        let left = try comparison.left.evaluate(context)
        let right = try rightExpression.evaluate(context)
        switch op {
        case "==": return left.rubyEquals(right)
        case "!=", "<>": return !left.rubyEquals(right)
        case "contains":
            // liquid-ruby: nothing contains nil, and nil contains nothing.
            guard !right.isNil else { return false }
            switch left {
            case .string(let text):
                let needle = right.text
                return needle.isEmpty || text.contains(needle)
            case .array(let items): return items.contains { $0.rubyEquals(right) }
            case .hash(let hash):
                if case .string(let key) = right { return hash[key] != nil }
                return false
            case .range(let low, let high):
                if case .int(let number) = right { return number >= low && number <= high }
                if case .float(let number) = right { return number >= Double(low) && number <= Double(high) }
                return false
            default: return false
            }
        case "<", ">", "<=", ">=":
            guard left.isOrderable, right.isOrderable else { return false }
            guard let order = left.rubyCompare(right) else {
                throw LiquidError.argument("comparison of \(left.typeName) with \(Condition.describeForComparison(left, right)) failed")
            }
            switch op {
            case "<": return order < 0
            case ">": return order > 0
            case "<=": return order <= 0
            default: return order >= 0
            }
        default:
            throw LiquidError.argument("Unknown operator \(op)")
        }
    }

    /// `x == empty`, `blank != x`: the literal asks the other side. Any other
    /// operator with one of them is false, as the literal has no order.
    private static func methodLiteral(_ left: Expression, _ op: String, _ right: Expression,
                                      _ context: Context) throws -> Bool? {
        let literal: Expression
        let other: Expression
        switch (left, right) {
        case (.blank, _), (.empty, _): (literal, other) = (left, right)
        case (_, .blank), (_, .empty): (literal, other) = (right, left)
        default: return nil
        }
        guard op == "==" || op == "!=" || op == "<>" else { return false }
        // Two literals: neither is a value the other can ask about.
        switch other {
        case .blank, .empty: return op != "=="
        default: break
        }
        let value = try other.evaluate(context)
        let result: Bool
        if case .blank = literal { result = value.isBlank } else { result = value.isEmpty }
        return op == "==" ? result : !result
    }

    /// Ruby names the right side by its class when the left is a number,
    /// and by its inspected value otherwise.
    static func describeForComparison(_ left: Value, _ right: Value) -> String {
        switch left {
        case .int, .float: return right.typeName
        default: return right.inspect
        }
    }
}

extension Value {
    /// ActiveSupport's `blank?`: nil, false, blank text, empty collections.
    var isBlank: Bool {
        switch self {
        case .nil: return true
        case .bool(let flag): return !flag
        case .string(let text): return text.utf8.allSatisfy { $0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D) }
        case .array(let items): return items.isEmpty
        case .hash(let hash): return hash.isEmpty
        default: return false
        }
    }

    /// `empty?`: empty text and collections; nil is not empty.
    var isEmpty: Bool {
        switch self {
        case .string(let text): return text.isEmpty
        case .array(let items): return items.isEmpty
        case .hash(let hash): return hash.isEmpty
        default: return false
        }
    }
}
