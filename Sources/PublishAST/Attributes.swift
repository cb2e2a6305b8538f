/// Annotations a stage puts on a node without inventing a new node kind:
/// a heading's id, classes, and ordered key–value pairs.
public struct Attributes: Hashable, Sendable {
    public var id: String?
    public var classes: [String]
    /// Ordered, so output is the same on every run.
    public var pairs: [Pair]

    public struct Pair: Hashable, Sendable {
        public var key: String
        public var value: String

        public init(_ key: String, _ value: String) {
            self.key = key
            self.value = value
        }
    }

    public init(id: String? = nil, classes: [String] = [], pairs: [Pair] = []) {
        self.id = id
        self.classes = classes
        self.pairs = pairs
    }

    public static let none = Attributes()

    public var isEmpty: Bool { id == nil && classes.isEmpty && pairs.isEmpty }

    /// The value of the first pair named `key`; setting replaces it or appends.
    public subscript(key: String) -> String? {
        get { pairs.first { $0.key == key }?.value }
        set {
            let index = pairs.firstIndex { $0.key == key }
            switch (index, newValue) {
            case (let index?, let value?): pairs[index].value = value
            case (let index?, nil): pairs.remove(at: index)
            case (nil, let value?): pairs.append(Pair(key, value))
            case (nil, nil): break
            }
        }
    }
}
