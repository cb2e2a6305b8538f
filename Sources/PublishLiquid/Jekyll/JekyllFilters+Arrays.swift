/// Jekyll's array filters: `where`, `find` and `sort` by a property
/// (replacing Liquid's), and the copying `push`, `pop`, `shift`,
/// `unshift` and `sample`.
extension JekyllFilters {
    static let arrays: [String: Filter] = [
        "where": Filter(required: 2) { input, arguments, context in
            if arguments[0].isTruthy { try context.countExpansion(of: input) }
            guard let (items, property, target) = try matchable(input, arguments) else { return input }
            return .array(try items.filter { try matches(itemProperty($0, property), target) })
        },
        "find": Filter(required: 2) { input, arguments, context in
            if arguments[0].isTruthy { try context.countExpansion(of: input) }
            guard let (items, property, target) = try matchable(input, arguments) else { return input }
            return try items.first { try matches(itemProperty($0, property), target) } ?? .nil
        },
        "sort": Filter(optional: 2) { input, arguments, context in
            try context.countExpansion(of: input)
            if input.isNil { throw LiquidError.argument("Cannot sort a null object.") }
            guard let property = arguments.first, !property.isNil else { return .array(try sorted(input)) }
            let nils = arguments.count > 1 ? arguments[1].text : "first"
            guard nils == "first" || nils == "last" else {
                throw LiquidError.argument(
                    "Invalid nils order: '\(nils)' is not a valid nils order. It must be 'first' or 'last'.")
            }
            return .array(try sorted(input, by: property.text, nilsFirst: nils == "first"))
        },
        "push": Filter(required: 1) { input, arguments, _ in
            guard case .array(let items) = input else { return input }
            return .array(items + [arguments[0]])
        },
        "unshift": Filter(required: 1) { input, arguments, _ in
            guard case .array(let items) = input else { return input }
            return .array([arguments[0]] + items)
        },
        "pop": Filter(optional: 1) { input, arguments, _ in
            guard case .array(let items) = input else { return input }
            return .array(Array(items.dropLast(try count(arguments.first, "negative array size"))))
        },
        "shift": Filter(optional: 1) { input, arguments, _ in
            guard case .array(let items) = input else { return input }
            return .array(Array(items.dropFirst(try count(arguments.first, "negative array size"))))
        },
        // Jekyll picks at random; a build should not change between runs,
        // so this takes the first items instead.
        "sample": Filter(optional: 1) { input, arguments, _ in
            guard case .array(let items) = input else { return input }
            let number = (try? StandardFilters.integer(arguments.first ?? 1)) ?? 1
            if number == 1 { return items.first ?? .nil }
            if number < 0 { throw LiquidError.argument("negative sample number") }
            return .array(Array(items.prefix(number)))
        },
    ]

    /// The items, property and target of `where` and `find`; nil when the
    /// filter hands its input back: no property, an array or hash target
    /// (whose text is Ruby's `inspect`), or an input that is no collection.
    private static func matchable(_ input: Value, _ arguments: [Value]) throws -> ([Value], String, Value)? {
        let (property, target) = (arguments[0], arguments[1])
        guard property.isTruthy, let items = selectable(input) else { return nil }
        switch target {
        case .array, .hash: return nil
        default: return (items, property.text, target)
        }
    }

    /// Jekyll's `compare_property_vs_target`: a nil target matches a nil
    /// property; otherwise texts compare, and a collection property
    /// matches when any of Ruby's `Array(property)` does (a hash's pairs,
    /// a range's numbers).
    private static func matches(_ property: Value, _ target: Value) -> Bool {
        if target.isNil { return property.isNil }
        let wanted = target.text
        switch property {
        case .array(let items): return items.contains { sameText($0.text, wanted) }
        case .hash, .range: return property.forItems.contains { sameText($0.text, wanted) }
        case .nil: return false
        default: return sameText(property.text, wanted)
        }
    }

    /// Ruby's `String#==`: the same bytes (Swift's `==` would also take
    /// other spellings of the same characters).
    private static func sameText(_ a: String, _ b: String) -> Bool {
        a.utf8.elementsEqual(b.utf8)
    }

    /// `pop` and `shift`'s count, an integer as Liquid reads one.
    private static func count(_ argument: Value?, _ negativeMessage: String) throws -> Int {
        let number = try StandardFilters.integer(argument ?? 1)
        if number < 0 { throw LiquidError.argument(negativeMessage) }
        return number
    }

    /// The items Ruby's `sort` goes over, or its `NoMethodError`.
    private static func sortable(_ input: Value) throws -> [Value] {
        guard let items = enumerable(input) else {
            throw LiquidError(.internal, "undefined method `sort' for \(input.inspect):\(input.typeName)")
        }
        return items
    }

    /// Ruby's `sort`: by `<=>`, failing on two items it cannot order.
    private static func sorted(_ input: Value) throws -> [Value] {
        try stableSorted(sortable(input)) { a, b in
            guard let order = a.rubyCompare(b) else {
                throw LiquidError.argument("comparison of \(a.typeName) with \(comparisonName(b)) failed")
            }
            return order
        }
    }

    /// Jekyll's `sort_input`: by each item's property, nil properties first
    /// or last, and two that `<=>` cannot order by their texts.
    private static func sorted(_ input: Value, by property: String, nilsFirst: Bool) throws -> [Value] {
        let items = try sortable(input)
        let keys = try items.map { try itemProperty($0, property) }
        let order = try stableSorted(Array(items.indices)) { a, b in
            switch (keys[a].isNil, keys[b].isNil) {
            case (false, true): return nilsFirst ? 1 : -1
            case (true, false): return nilsFirst ? -1 : 1
            default: return keys[a].rubyCompare(keys[b]) ?? byteOrder(keys[a].text, keys[b].text)
            }
        }
        return order.map { items[$0] }
    }

    /// A sort that keeps equal items in their order, as Ruby's merge sort
    /// does, and compares two items in that order too, so that a failure
    /// names them as Ruby does.
    private static func stableSorted<T>(_ items: [T], by compare: (T, T) throws -> Int) throws -> [T] {
        var order = Array(items.indices)
        try order.sort { a, b in
            let result = a < b ? try compare(items[a], items[b]) : -(try compare(items[b], items[a]))
            return result != 0 ? result < 0 : a < b
        }
        return order.map { items[$0] }
    }

    /// Ruby's `String#<=>`, byte by byte.
    private static func byteOrder(_ a: String, _ b: String) -> Int {
        if a.utf8.elementsEqual(b.utf8) { return 0 }
        return a.utf8.lexicographicallyPrecedes(b.utf8) ? -1 : 1
    }

    /// How Ruby names the other value in "comparison of A with B failed":
    /// by its value for nil, booleans and numbers, by its class otherwise.
    private static func comparisonName(_ value: Value) -> String {
        switch value {
        case .nil, .bool, .int, .float: value.inspect
        default: value.typeName
        }
    }
}
