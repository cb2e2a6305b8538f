/// The array filters. Most go over `filterItems` (liquid-ruby's
/// `InputIterator`), so a nested array is flattened, a hash is one item and
/// nil is no items; `first`, `last`, `size` and `concat`'s argument take
/// the value as it is.
extension StandardFilters {
    static let arrays: [String: Filter] = [
        "size": Filter { input, _, _ in .int(size(of: input)) },
        "first": Filter { input, _, _ in first(of: input) },
        "last": Filter { input, _, _ in last(of: input) },
        "join": Filter(optional: 1) { input, arguments, context in
            let glue = arguments.first?.text ?? " "
            return .string(try input.filterItems(context).map(\.text).joined(separator: glue))
        },
        "reverse": Filter { input, _, context in .array(try input.filterItems(context).reversed()) },
        "concat": Filter(required: 1) { input, arguments, context in
            guard case .array(let more) = arguments[0] else {
                throw LiquidError.argument("concat filter requires an array argument")
            }
            return .array(try input.filterItems(context) + more)
        },
        "map": Filter(required: 1) { input, arguments, context in
            let property = arguments[0]
            if case .string("to_liquid") = property { return .array(try input.filterItems(context)) }
            return .array(try input.filterItems(context).map { try $0.property(property) })
        },
        "compact": Filter(optional: 1) { input, arguments, context in
            let items = try input.filterItems(context)
            guard let property = given(arguments.first) else { return .array(items.filter { !$0.isNil }) }
            if items.isEmpty { return .array([]) }
            return try nilWithoutSubscript { .array(try items.filter { try !subscripted($0, property).isNil }) }
        },
        "uniq": Filter(optional: 1) { input, arguments, context in
            let items = try input.filterItems(context)
            guard let property = given(arguments.first) else { return .array(unique(items) { $0 }) }
            if items.isEmpty { return .array([]) }
            return try nilWithoutSubscript { .array(try unique(items) { try subscripted($0, property) }) }
        },
        "sort": Filter(optional: 1) { input, arguments, context in
            try sort(try input.filterItems(context), by: given(arguments.first), compare: nilSafeCompare)
        },
        "sort_natural": Filter(optional: 1) { input, arguments, context in
            try sort(try input.filterItems(context), by: given(arguments.first), compare: nilSafeCaseCompare)
        },
        "where": Filter(required: 1, optional: 1) { input, arguments, context in
            try select(input, arguments, context, whenEmpty: .array([])) { .array(try $0.filter($1)) }
        },
        "reject": Filter(required: 1, optional: 1) { input, arguments, context in
            try select(input, arguments, context, whenEmpty: .array([])) { items, test in .array(try items.filter { try !test($0) }) }
        },
        "has": Filter(required: 1, optional: 1) { input, arguments, context in
            try select(input, arguments, context, whenEmpty: false) { .bool(try $0.contains(where: $1)) }
        },
        "find": Filter(required: 1, optional: 1) { input, arguments, context in
            try select(input, arguments, context, whenEmpty: .nil) { try $0.first(where: $1) ?? .nil }
        },
        "find_index": Filter(required: 1, optional: 1) { input, arguments, context in
            try select(input, arguments, context, whenEmpty: .nil) { try $0.firstIndex(where: $1).map(Value.int) ?? .nil }
        },
        "sum": Filter(optional: 1) { input, arguments, context in
            let items = try input.filterItems(context)
            let values = try given(arguments.first).map { property in try items.map { try $0.property(property) } } ?? items
            var total = FilterNumber.int(0)
            for value in Value.array(values).filterItems {
                total = try total.applying(.plus, FilterNumber(value))
            }
            return total.value
        },
    ]

    /// An optional argument, unless it is nil (which Ruby reads as not given).
    private static func given(_ argument: Value?) -> Value? {
        guard let argument, !argument.isNil else { return nil }
        return argument
    }

    /// Ruby's `size` where the value has one: characters, items, pairs,
    /// a range's numbers, and an integer's 8 bytes; 0 for the rest.
    static func size(of value: Value) -> Int {
        switch value {
        case .string(let text): text.unicodeScalars.count
        case .array(let items): items.count
        case .hash(let hash): hash.count
        case .range(let low, let high): Loop.count(low, high)
        case .int: Int.bitWidth / 8
        case .drop(let drop): drop.items?.count ?? 0
        default: 0
        }
    }

    /// `first`: a string's first character, a range's start, a hash's
    /// first `[key, value]` pair.
    static func first(of value: Value) -> Value {
        switch value {
        case .string(let text): text.unicodeScalars.first.map { .string(String($0)) } ?? ""
        case .array(let items): items.first ?? .nil
        case .range(let low, _): .int(low)
        case .hash(let hash): hash.keys.first.map { .array([.string($0), hash[$0] ?? .nil]) } ?? .nil
        case .drop(let drop): drop.items?.first ?? .nil
        default: .nil
        }
    }

    /// `last`: a string's last character, a range's end; a hash has none.
    static func last(of value: Value) -> Value {
        switch value {
        case .string(let text): text.unicodeScalars.last.map { .string(String($0)) } ?? ""
        case .array(let items): items.last ?? .nil
        case .range(_, let high): .int(high)
        case .drop(let drop): drop.items?.last ?? .nil
        default: .nil
        }
    }

    /// Thrown when an item has no `[]`: the filter then answers nil, as
    /// liquid-ruby's `rescue NoMethodError` returns it.
    private struct NoSubscript: Error {}

    /// `item[property]` where liquid-ruby rescues `NoMethodError`.
    private static func subscripted(_ item: Value, _ property: Value) throws -> Value {
        guard item.hasSubscript else { throw NoSubscript() }
        return try item.property(property)
    }

    /// The filter's answer, or nil once it met an item without `[]`.
    private static func nilWithoutSubscript(_ body: () throws -> Value) throws -> Value {
        do {
            return try body()
        } catch is NoSubscript {
            return .nil
        }
    }

    /// liquid-ruby's `filter_array`, behind `where`, `reject`, `has`,
    /// `find` and `find_index`: an item matches when its property equals
    /// the target or, with no target, is truthy. An item without `[]`
    /// makes the answer nil, but only once the search reaches it.
    private static func select(_ input: Value, _ arguments: [Value], _ context: Context, whenEmpty: Value,
                               _ body: ([Value], (Value) throws -> Bool) throws -> Value) throws -> Value {
        let items = try input.filterItems(context)
        if items.isEmpty { return whenEmpty }
        let property = arguments[0]
        let target = given(arguments.dropFirst().first)
        return try nilWithoutSubscript {
            try body(items) { item in
                let value = try subscripted(item, property)
                return target.map(value.rubyEquals) ?? value.isTruthy
            }
        }
    }

    /// `uniq`: the first item of each key, keys compared as Ruby's `eql?`
    /// does (so `1` and `1.0` differ).
    private static func unique(_ items: [Value], key: (Value) throws -> Value) rethrows -> [Value] {
        var seen = Set<EqlKey>()
        var kept: [Value] = []
        for item in items where seen.insert(EqlKey(value: try key(item))).inserted {
            kept.append(item)
        }
        return kept
    }

    /// `sort` and `sort_natural`, by the items or by a property of each.
    /// Ruby's sort is stable (it is glibc's merge sort) and compares only
    /// when there are two items or more, so one item never fails; with a
    /// property, every item must have `[]` or the answer is nil.
    private static func sort(_ items: [Value], by property: Value?,
                             compare: (Value, Value) throws -> Int) throws -> Value {
        if items.isEmpty { return .array([]) }
        var keys = items
        if let property {
            guard items.allSatisfy(\.hasSubscript) else { return .nil }
            if items.count < 2 { return .array(items) }
            keys = try items.map { try $0.property(property) }
        }
        var order = Array(items.indices)
        try order.sort { try compare(keys[$0], keys[$1]) < 0 }
        return .array(order.map { items[$0] })
    }

    /// liquid-ruby's `nil_safe_compare`: Ruby's `<=>`, with nil after
    /// everything else.
    static func nilSafeCompare(_ a: Value, _ b: Value) throws -> Int {
        if let result = a.rubyCompare(b) { return result }
        if a.isNil { return 1 }
        if b.isNil { return -1 }
        throw LiquidError.argument("cannot sort values of incompatible types")
    }

    /// liquid-ruby's `nil_safe_casecmp`: the texts compared byte by byte
    /// with ASCII letters folded to lower case, nil after everything else.
    static func nilSafeCaseCompare(_ a: Value, _ b: Value) -> Int {
        switch (a.isNil, b.isNil) {
        case (true, true): return 0
        case (true, false): return 1
        case (false, true): return -1
        case (false, false):
            func folded(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
            for (x, y) in zip(a.text.utf8, b.text.utf8) where folded(x) != folded(y) {
                return folded(x) < folded(y) ? -1 : 1
            }
            let (left, right) = (a.text.utf8.count, b.text.utf8.count)
            return left == right ? 0 : (left < right ? -1 : 1)
        }
    }
}

/// A value as a key of Ruby's `uniq`, which compares with `eql?` and
/// `hash`: like `==` except that an integer and a float never match.
private struct EqlKey: Hashable {
    let value: Value

    static func == (lhs: EqlKey, rhs: EqlKey) -> Bool {
        eql(lhs.value, rhs.value)
    }

    func hash(into hasher: inout Hasher) {
        EqlKey.hash(value, into: &hasher)
    }

    private static func eql(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.int, .float), (.float, .int): false
        case (.array(let x), .array(let y)): x.count == y.count && zip(x, y).allSatisfy(eql)
        case (.hash(let x), .hash(let y)):
            x.count == y.count && x.allSatisfy { pair in y[pair.key].map { eql(pair.value, $0) } ?? false }
        case (.string(let x), .string(let y)): x.utf8.elementsEqual(y.utf8)
        default: a.rubyEquals(b)
        }
    }

    private static func hash(_ value: Value, into hasher: inout Hasher) {
        switch value {
        case .nil: hasher.combine(0)
        case .bool(let flag): hasher.combine(flag)
        case .int(let number): hasher.combine(number)
        case .float(let number): hasher.combine(number)
        case .string(let text):
            hasher.combine(text.utf8.count)
            for byte in text.utf8 { hasher.combine(byte) }
        case .array(let items):
            hasher.combine(items.count)
            for item in items { hash(item, into: &hasher) }
        // Pairs in any order make equal hashes, so only the size goes in.
        case .hash(let pairs): hasher.combine(pairs.count)
        case .range(let low, let high): hasher.combine(low); hasher.combine(high)
        case .time(let time): hasher.combine(time.seconds); hasher.combine(time.nanoseconds)
        case .drop(let drop): hasher.combine(ObjectIdentifier(drop))
        }
    }
}
