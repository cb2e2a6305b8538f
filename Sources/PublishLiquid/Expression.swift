/// A value in markup: a literal, a variable with its lookups, or a range.
indirect enum Expression: Sendable {
    case literal(Value)
    case variable(VariableLookup)
    case range(Expression, Expression)
    /// `blank` and `empty` in a comparison (`x == empty`), which ask the
    /// other side instead of being a value.
    case blank, empty

    /// A literal name that is not a variable: `true`, `nil`, `empty`, ….
    static func literal(named name: Substring) -> Expression? {
        switch name {
        case "nil", "null": .literal(.nil)
        case "true": .literal(.bool(true))
        case "false": .literal(.bool(false))
        case "blank", "empty": .literal(.string(""))
        default: nil
        }
    }

    func evaluate(_ context: Context) throws -> Value {
        switch self {
        case .literal(let value): return value
        case .variable(let lookup): return try lookup.evaluate(context)
        case .range(let low, let high):
            return .range(try Expression.rangeBound(low.evaluate(context)), try Expression.rangeBound(high.evaluate(context)))
        case .blank, .empty: return .string("")
        }
    }

    /// A range's end as liquid-ruby takes it when rendered: integers as
    /// they are, text and nil by `to_i`, anything else must read as an integer.
    static func rangeBound(_ value: Value) throws -> Int {
        switch value {
        case .int(let number): return number
        case .nil: return 0
        case .string(let text): return RubyNumber.toI(text)
        default:
            guard let number = Int(value.text) else { throw LiquidError.argument("invalid integer") }
            return number
        }
    }
}

/// `name.key[0]["other"].size`.
struct VariableLookup: Sendable {
    enum Name: Sendable {
        case fixed(String)
        case dynamic(Expression)
    }

    enum Key: Sendable {
        /// `.key`: also a command (`size`, `first`, `last`) when no such key is found.
        case dot(String)
        case bracket(Expression)
    }

    var name: Name
    var keys: [Key]

    func evaluate(_ context: Context) throws -> Value {
        var object: Value
        switch name {
        case .fixed(let text): object = try context.variable(text)
        case .dynamic(let expression):
            let key = try expression.evaluate(context)
            guard case .string(let text) = key else {
                if context.strictVariables { throw LiquidError(.undefinedVariable, "undefined variable \(key.text)") }
                return .nil
            }
            object = try context.variable(text)
        }
        for key in keys {
            switch key {
            case .dot(let text):
                object = try Lookup.dot(object, text, context: context)
            case .bracket(let expression):
                object = try Lookup.bracket(object, try expression.evaluate(context), context: context)
            }
            if object.isNil, !context.strictVariables { return .nil }
        }
        return object
    }
}

/// How `a.b` and `a[b]` find their value.
enum Lookup {
    static func dot(_ object: Value, _ key: String, context: Context) throws -> Value {
        if let found = try find(object, .string(key), context: context) { return found }
        switch (object, key) {
        case (.array(let items), "size"): return .int(items.count)
        case (.array(let items), "first"): return items.first ?? .nil
        case (.array(let items), "last"): return items.last ?? .nil
        case (.hash(let hash), "size"): return .int(hash.count)
        case (.hash(let hash), "first"):
            return hash.keys.first.map { .array([.string($0), hash[$0]!]) } ?? .nil
        case (.string(let text), "size"): return .int(text.unicodeScalars.count)
        case (.string(let text), "first"): return .string(text.unicodeScalars.first.map(String.init) ?? "")
        case (.string(let text), "last"): return .string(text.unicodeScalars.last.map(String.init) ?? "")
        case (.int, "size"): return .int(8)
        case (.range(let low, let high), "size"): return .int(max(0, high - low + 1))
        case (.range(let low, _), "first"): return .int(low)
        case (.range(_, let high), "last"): return .int(high)
        case (.drop(let drop), _):
            if let items = drop.items {
                switch key {
                case "size": return .int(items.count)
                case "first": return items.first ?? .nil
                case "last": return items.last ?? .nil
                default: break
                }
            }
        default: break
        }
        return try missing(key, context: context)
    }

    static func bracket(_ object: Value, _ key: Value, context: Context) throws -> Value {
        if let found = try find(object, key, context: context) { return found }
        return try missing(key.text, context: context)
    }

    /// The value under `key` when `object` has one: a hash's key, an
    /// array's index (negative from the end), a drop's answer.
    private static func find(_ object: Value, _ key: Value, context: Context) throws -> Value? {
        switch (object, key) {
        case (.hash(let hash), .string(let text)):
            return hash[text]
        case (.hash, .int):
            return .nil
        case (.array(let items), .int(let index)):
            let position = index < 0 ? items.count + index : index
            return position >= 0 && position < items.count ? items[position] : .nil
        case (.drop(let drop), _):
            guard case .string(let text) = key else {
                if case .int(let index) = key, let items = drop.items {
                    let position = index < 0 ? items.count + index : index
                    return position >= 0 && position < items.count ? items[position] : .nil
                }
                return nil
            }
            if let value = drop.value(for: text) { return value }
            return drop.hasKey(text) ? .nil : nil
        default:
            return nil
        }
    }

    private static func missing(_ key: String, context: Context) throws -> Value {
        if context.strictVariables { throw LiquidError(.undefinedVariable, "undefined variable \(key)") }
        return .nil
    }
}
