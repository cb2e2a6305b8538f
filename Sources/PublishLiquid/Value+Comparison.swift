extension Value {
    /// Ruby's `==`: numbers compare by value across integers and floats,
    /// arrays and hashes by their items, drops by identity.
    public func rubyEquals(_ other: Value) -> Bool {
        switch (self, other) {
        case (.nil, .nil): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.int(let a), .int(let b)): return a == b
        case (.float(let a), .float(let b)): return a == b
        case (.int(let a), .float(let b)), (.float(let b), .int(let a)): return Double(a) == b
        case (.string(let a), .string(let b)): return a == b
        case (.array(let a), .array(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.rubyEquals($1) }
        case (.hash(let a), .hash(let b)):
            return a.count == b.count && a.allSatisfy { pair in b[pair.key].map { pair.value.rubyEquals($0) } ?? false }
        case (.range(let a1, let a2), .range(let b1, let b2)): return a1 == b1 && a2 == b2
        case (.time(let a), .time(let b)): return a.seconds == b.seconds && a.nanoseconds == b.nanoseconds
        case (.drop(let a), .drop(let b)): return a === b
        default: return false
        }
    }

    /// Ruby's `<=>`: nil when the two cannot be ordered (a number and a
    /// string, nil and anything).
    public func rubyCompare(_ other: Value) -> Int? {
        func order<T: Comparable>(_ a: T, _ b: T) -> Int { a < b ? -1 : (a > b ? 1 : 0) }
        switch (self, other) {
        case (.int(let a), .int(let b)): return order(a, b)
        case (.float(let a), .float(let b)): return a.isNaN || b.isNaN ? nil : order(a, b)
        case (.int(let a), .float(let b)): return b.isNaN ? nil : order(Double(a), b)
        case (.float(let a), .int(let b)): return a.isNaN ? nil : order(a, Double(b))
        case (.string(let a), .string(let b)):
            if a.utf8.elementsEqual(b.utf8) { return 0 }
            return a.utf8.lexicographicallyPrecedes(b.utf8) ? -1 : 1
        case (.time(let a), .time(let b)): return order(a.seconds * 1_000_000_000 + a.nanoseconds, b.seconds * 1_000_000_000 + b.nanoseconds)
        case (.bool(let a), .bool(let b)): return a == b ? 0 : nil
        case (.nil, .nil): return 0
        case (.array(let a), .array(let b)):
            for (x, y) in zip(a, b) {
                guard let result = x.rubyCompare(y) else { return nil }
                if result != 0 { return result }
            }
            return order(a.count, b.count)
        default: return rubyEquals(other) ? 0 : nil
        }
    }

    /// Whether Ruby's `<`, `<=`, `>`, `>=` exist for this value at all:
    /// numbers, strings and times have them; nil, arrays and hashes do not.
    var isOrderable: Bool {
        switch self {
        case .int, .float, .string, .time: true
        default: false
        }
    }
}
