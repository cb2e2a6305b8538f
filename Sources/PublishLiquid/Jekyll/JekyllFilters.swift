/// Jekyll 4.3's own filters, which a site build adds on top of Liquid's
/// standard ones (Jekyll's `where`, `find` and `sort` replace Liquid's).
/// Each kind lives in a file beside this one; `markdownify` is the site
/// build's, since it needs the site's converter.
public enum JekyllFilters {
    /// Every one of them, to merge over an environment's filters as
    /// `Environment.jekyll(includes:limits:)` does, so that a host building
    /// its own environment can offer Jekyll's filters too.
    public static let all = FilterSet(
        urls.merging(dates) { $1 }.merging(text) { $1 }.merging(arrays) { $1 }.merging(expressions) { $1 })
}

// MARK: Reading items as Jekyll does

extension JekyllFilters {
    /// The items `where`, `find` and the `_exp` filters go over: an array's
    /// items as they are (not flattened), a hash's values, a range's
    /// numbers, a drop's items; nil for a value Ruby cannot `select` from,
    /// which those filters hand back unchanged.
    static func selectable(_ input: Value) -> [Value]? {
        switch input {
        case .array(let items): items
        case .hash(let hash): hash.map(\.value)
        case .range: input.forItems
        case .drop(let drop): drop.items
        default: nil
        }
    }

    /// The items Ruby's `Enumerable` methods (`group_by`, `sort`) go over:
    /// an array's, a hash's `[key, value]` pairs, a range's numbers, a
    /// drop's; nil for a value that has no such methods.
    static func enumerable(_ input: Value) -> [Value]? {
        switch input {
        case .array(let items): items
        case .hash, .range: input.forItems
        case .drop(let drop): drop.items
        default: nil
        }
    }

    /// Jekyll's `item_property`: `item[property]`, or with a dotted
    /// property each key in turn, then a number when the value reads as
    /// one (so that `"10"` sorts after `"9"`, and `where` compares `"01"`
    /// as `1`).
    static func itemProperty(_ item: Value, _ property: String) throws -> Value {
        var value: Value
        if property.utf8.contains(UInt8(ascii: ".")) {
            value = item
            for key in property.split(separator: ".", omittingEmptySubsequences: false) {
                // Ruby's `data.respond_to?(:[]) && data[key]`: a value
                // without `[]` on the way makes the answer `false`.
                guard hasSubscript(value) else { value = false; continue }
                value = try subscripted(value, String(key))
            }
        } else {
            value = try subscripted(item, property)
        }
        return numberLike(value)
    }

    /// Whether the Ruby value has `[]`.
    private static func hasSubscript(_ value: Value) -> Bool {
        switch value {
        case .hash, .drop, .string, .int, .array: true
        default: false
        }
    }

    /// Ruby's `value[key]` with a string key: a hash's value, a drop's
    /// answer, a string's `key` when it holds it; integers and arrays
    /// refuse a string index, and other values have no `[]`.
    private static func subscripted(_ value: Value, _ key: String) throws -> Value {
        switch value {
        case .hash(let hash): return hash[key] ?? .nil
        case .drop(let drop): return drop.value(for: key) ?? .nil
        case .string(let text):
            let found = !StandardFilters.occurrences(of: Array(key.utf8), in: Array(text.utf8), limit: 1).isEmpty
            return found ? .string(key) : .nil
        case .int, .array: throw LiquidError(.internal, "no implicit conversion of String into Integer")
        default: throw LiquidError(.internal, "undefined method `[]' for \(value.inspect):\(value.typeName)")
        }
    }

    /// Jekyll's `parse_sort_input`: text that is an integer or a decimal
    /// (blanks around allowed) becomes that number. Only text is looked
    /// at: no other value's `to_s` reads as a number that it is not already.
    private static func numberLike(_ value: Value) -> Value {
        guard case .string(let text) = value else { return value }
        var bytes = Substring(text).utf8[...]
        while let first = bytes.first, StandardFilters.isBlank(first) { bytes.removeFirst() }
        while let last = bytes.last, StandardFilters.isBlank(last) { bytes.removeLast() }
        if bytes.first == UInt8(ascii: "-") { bytes.removeFirst() }
        let digits = bytes.prefix { Lexer.isDigit($0) }
        let rest = bytes.dropFirst(digits.count)
        if !digits.isEmpty, rest.isEmpty { return .int(RubyNumber.toI(text)) }
        guard rest.first == UInt8(ascii: "."), rest.dropFirst().allSatisfy(Lexer.isDigit),
              !digits.isEmpty || rest.count > 1 else { return value }
        return .float(RubyNumber.toF(text))
    }
}
