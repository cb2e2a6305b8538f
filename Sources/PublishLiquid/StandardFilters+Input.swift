/// How liquid-ruby's filters read their input and arguments: the items an
/// array filter goes over, `item[property]`, and whole-number arguments.
extension Value {
    /// liquid-ruby's `InputIterator`: an array's items, flattened; a range's
    /// numbers; a hash as one item; nothing for nil; any other value as
    /// the only item.
    var filterItems: [Value] {
        switch self {
        case .array(let items):
            guard items.contains(where: \.isArray) else { return items }
            var flat: [Value] = []
            flat.reserveCapacity(items.count)
            Value.flatten(items, into: &flat)
            return flat
        case .range(let low, let high): return low <= high ? (low...high).map(Value.int) : []
        case .drop(let drop): return drop.items ?? [self]
        case .nil: return []
        default: return [self]
        }
    }

    /// `filterItems`, a range's numbers first counted against the render's
    /// loop limit (`Limits.loopIterations`): `(1..100000000) | join` ends
    /// with the limit's error instead of filling memory.
    func filterItems(_ context: Context) throws -> [Value] {
        try context.countExpansion(of: self)
        return filterItems
    }

    private static func flatten(_ items: [Value], into flat: inout [Value]) {
        for item in items {
            if case .array(let inner) = item { flatten(inner, into: &flat) } else { flat.append(item) }
        }
    }

    private var isArray: Bool {
        if case .array = self { return true }
        return false
    }

    /// Whether Ruby's value has `[]`: hashes, drops, strings and integers
    /// do; floats, booleans, nil, ranges and times do not. (Arrays never
    /// reach the question: `filterItems` flattens them.)
    var hasSubscript: Bool {
        switch self {
        case .hash, .drop, .string, .int: true
        default: false
        }
    }

    /// Ruby's `item[property]` on an item of an array filter: a hash's
    /// value, a drop's answer, a string's substring or character, an
    /// integer's bit; nil for an item without `[]`. A property of a type
    /// the item's `[]` refuses (an integer's bits by a string) is Ruby's
    /// `TypeError`, which the filters report as "cannot select the property".
    func property(_ property: Value) throws -> Value {
        switch self {
        case .hash(let hash):
            guard case .string(let key) = property else { return .nil }
            return hash[key] ?? .nil
        case .drop(let drop):
            return drop.value(for: property.text) ?? .nil
        case .string(let text):
            switch property {
            case .string(let part):
                let found = !StandardFilters.occurrences(of: Array(part.utf8), in: Array(text.utf8), limit: 1).isEmpty
                return found ? property : .nil
            case .int(let index): return Value.character(of: text, at: index)
            case .float(let index) where index.isFinite && abs(index) < 1e18: return Value.character(of: text, at: Int(index))
            default: throw StandardFilters.propertyError(property)
            }
        case .int(let number):
            guard case .int(let bit) = property else { throw StandardFilters.propertyError(property) }
            if bit < 0 { return .int(0) }
            return .int(bit >= Int.bitWidth ? (number < 0 ? 1 : 0) : (number >> bit) & 1)
        default:
            return .nil
        }
    }

    private static func character(of text: String, at index: Int) -> Value {
        let scalars = text.unicodeScalars
        let count = scalars.count
        let position = index < 0 ? index + count : index
        guard position >= 0, position < count else { return .nil }
        return .string(String(scalars[scalars.index(scalars.startIndex, offsetBy: position)]))
    }
}

extension StandardFilters {
    static func propertyError(_ property: Value) -> LiquidError {
        .argument("cannot select the property '\(property.text)'")
    }

    /// `Utils.to_integer`: an integer as it is, anything else through
    /// Ruby's `Integer(text)`, which refuses `1.5`, `abc` and the empty text.
    static func integer(_ value: Value) throws -> Int {
        if case .int(let number) = value { return number }
        guard let number = rubyInteger(value.text) else { throw LiquidError.argument("invalid integer") }
        return number
    }

    /// Ruby's `Integer(text)`: blanks around, a sign, a `0x`, `0b`, `0o`,
    /// `0d` or octal `0` prefix, digits with single underscores between
    /// them. Beyond `Int`'s range the number is clamped, as liquid-ruby
    /// clamps the indices it slices with.
    private static func rubyInteger(_ text: String) -> Int? {
        var bytes = Substring(text).utf8[...]
        while let first = bytes.first, RubyString.isSpace(first), first != 0 { bytes = bytes.dropFirst() }
        while let last = bytes.last, RubyString.isSpace(last), last != 0 { bytes = bytes.dropLast() }
        var negative = false
        if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
            negative = sign == UInt8(ascii: "-")
            bytes = bytes.dropFirst()
        }
        var base = 10
        if bytes.first == UInt8(ascii: "0"), let marker = bytes.dropFirst().first {
            switch marker | 0x20 {
            case UInt8(ascii: "x"): base = 16
            case UInt8(ascii: "b"): base = 2
            case UInt8(ascii: "o"): base = 8
            case UInt8(ascii: "d"): base = 10
            default: base = 8
            }
            // The octal `0` is also a digit; the letter prefixes are not.
            if (marker | 0x20) >= UInt8(ascii: "a") { bytes = bytes.dropFirst(2) }
        }
        var value = 0
        var clamped = false
        var previousWasDigit = false
        var sawDigit = false
        for byte in bytes {
            if byte == UInt8(ascii: "_") {
                guard previousWasDigit else { return nil }
                previousWasDigit = false
                continue
            }
            guard let digit = digitValue(byte), digit < base else { return nil }
            let (shifted, overflow1) = value.multipliedReportingOverflow(by: base)
            let (sum, overflow2) = shifted.addingReportingOverflow(digit)
            if overflow1 || overflow2 { clamped = true } else { value = sum }
            previousWasDigit = true
            sawDigit = true
        }
        guard sawDigit, previousWasDigit else { return nil }
        if clamped { return negative ? .min : .max }
        return negative ? -value : value
    }

    private static func digitValue(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(byte - 0x30)
        case UInt8(ascii: "a")...UInt8(ascii: "z"): Int(byte - 0x61 + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): Int(byte - 0x41 + 10)
        default: nil
        }
    }
}

extension Context {
    /// Counts the numbers of a range that a filter or an `include … for`
    /// is about to make into items as that many loop iterations: making
    /// them costs as much, and memory besides.
    func countExpansion(of value: Value) throws {
        if case .range(let low, let high) = value { try limits.addIterations(Loop.count(low, high)) }
    }
}
