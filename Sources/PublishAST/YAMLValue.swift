/// A front matter value as YAML typed it, kept for keys `Metadata` has no
/// field for, so templates and plugins see numbers as numbers and lists as
/// lists. Timestamps in such keys stay strings, exactly as written.
public enum YAMLValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case sequence([YAMLValue])
    case mapping(YAMLMapping)

    /// The scalar as text, as a template would print it; nil for collections.
    public var scalarText: String? {
        switch self {
        case .null: return ""
        case .bool(let value): return value ? "true" : "false"
        case .int(let value): return String(value)
        case .double(let value): return String(value)
        case .string(let value): return value
        case .sequence, .mapping: return nil
        }
    }
}

/// A YAML mapping with string keys, in the order they were written.
public struct YAMLMapping: Hashable, Sendable, Sequence {
    public struct Entry: Hashable, Sendable {
        public var key: String
        public var value: YAMLValue

        public init(key: String, value: YAMLValue) {
            self.key = key
            self.value = value
        }
    }

    public private(set) var entries: [Entry]
    /// Where each key is in `entries`, so that a lookup, and so building a
    /// mapping of n keys, does not walk the entries (100,000 keys of front
    /// matter took 28 s when it did).
    private var positions: [String: Int] = [:]

    public init(_ entries: [Entry] = []) {
        self.entries = []
        for entry in entries { self[entry.key] = entry.value }
    }

    public var isEmpty: Bool { entries.isEmpty }
    public var count: Int { entries.count }
    public var keys: [String] { entries.map(\.key) }

    /// The value for `key`; setting a new key appends it, setting nil removes it.
    public subscript(key: String) -> YAMLValue? {
        get { positions[key].map { entries[$0].value } }
        set {
            switch (positions[key], newValue) {
            case (let index?, let value?): entries[index].value = value
            case (let index?, nil):
                entries.remove(at: index)
                positions[key] = nil
                for later in index..<entries.count { positions[entries[later].key] = later }
            case (nil, let value?):
                positions[key] = entries.count
                entries.append(Entry(key: key, value: value))
            case (nil, nil): break
            }
        }
    }

    /// Two mappings are equal when their entries are, in order.
    public static func == (lhs: YAMLMapping, rhs: YAMLMapping) -> Bool { lhs.entries == rhs.entries }

    public func hash(into hasher: inout Hasher) { hasher.combine(entries) }

    public func makeIterator() -> IndexingIterator<[Entry]> { entries.makeIterator() }
}
