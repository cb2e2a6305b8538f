/// A Liquid value: what a variable holds, a filter takes and returns, and a
/// tag compares. The cases are Ruby's, since Liquid's behaviour is defined
/// by liquid-ruby: integers and floats stay apart (`1` and `1.0` print
/// differently), hashes keep their insertion order, and a `Drop` answers
/// lookups lazily, so a template that reads `site.posts | size` does not
/// build every post.
public enum Value: Sendable {
    case `nil`
    case bool(Bool)
    case int(Int)
    case float(Double)
    case string(String)
    case array([Value])
    case hash(Hash)
    /// An inclusive integer range, `(1..5)`.
    case range(Int, Int)
    case time(Time)
    case drop(any Drop)
}

extension Value {
    /// Liquid's truth: only `nil` and `false` are false.
    public var isTruthy: Bool {
        switch self {
        case .nil: false
        case .bool(let flag): flag
        default: true
        }
    }

    public var isNil: Bool {
        if case .nil = self { return true }
        return false
    }

    /// The text Liquid writes for this value (Ruby's `to_s`, with
    /// liquid-ruby's own forms for arrays and hashes).
    public var text: String {
        switch self {
        case .nil: return ""
        case .bool(let flag): return flag ? "true" : "false"
        case .int(let number): return String(number)
        case .float(let number): return RubyFloat.text(number)
        case .string(let text): return text
        case .array, .hash: return inspect
        case .range(let low, let high): return "\(low)..\(high)"
        case .time(let time): return time.rubyText
        case .drop(let drop): return drop.text
        }
    }

    /// Ruby's `inspect`, as liquid-ruby writes it for arrays and hashes.
    public var inspect: String {
        var seen = Set<ObjectIdentifier>()
        return inspect(seen: &seen)
    }

    private func inspect(seen: inout Set<ObjectIdentifier>) -> String {
        switch self {
        case .nil: return "nil"
        case .string(let text): return RubyString.inspect(text)
        case .array(let items):
            return "[" + items.map { $0.inspect(seen: &seen) }.joined(separator: ", ") + "]"
        case .hash(let hash):
            return "{" + hash.map { "\(RubyString.inspect($0.key))=>\($0.value.inspect(seen: &seen))" }
                .joined(separator: ", ") + "}"
        case .time(let time): return time.rubyText
        case .drop(let drop): return drop.inspectText
        default: return text
        }
    }

    /// The items a `for` loop and `tablerow` go over: an array's items,
    /// a range's numbers, a hash's `[key, value]` pairs, text as one item;
    /// nothing for numbers, booleans and nil (liquid-ruby's `slice_collection`).
    public var forItems: [Value] {
        switch self {
        case .array(let items): return items
        case .range(let low, let high): return low <= high ? (low...high).map(Value.int) : []
        case .hash(let hash): return hash.map { .array([.string($0.key), $0.value]) }
        case .drop(let drop): return drop.items ?? []
        case .string(let text): return text.isEmpty ? [] : [self]
        default: return []
        }
    }

    /// Ruby's class name, for error messages.
    public var typeName: String {
        switch self {
        case .nil: "NilClass"
        case .bool(let flag): flag ? "TrueClass" : "FalseClass"
        case .int: "Integer"
        case .float: "Float"
        case .string: "String"
        case .array: "Array"
        case .hash: "Hash"
        case .range: "Range"
        case .time: "Time"
        case .drop(let drop): drop.typeName
        }
    }
}

extension Value: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByFloatLiteral, ExpressibleByArrayLiteral, ExpressibleByNilLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(floatLiteral value: Double) { self = .float(value) }
    public init(arrayLiteral elements: Value...) { self = .array(elements) }
    public init(nilLiteral: ()) { self = .nil }
}
