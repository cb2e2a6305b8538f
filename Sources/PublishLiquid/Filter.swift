/// A filter: `{{ input | name: arg, key: value }}`. Positional arguments
/// come in order; keyword arguments come last, as one hash, the way Ruby
/// passes them. The number of arguments is checked before the body runs,
/// with Ruby's message.
public struct Filter: Sendable {
    public typealias Body = @Sendable (_ input: Value, _ arguments: [Value], _ context: Context) throws -> Value

    /// Arguments after the input that must be given.
    public var required: Int
    /// Arguments after those that may be given; nil for any number.
    public var optional: Int?
    public var body: Body

    public init(required: Int = 0, optional: Int? = 0, _ body: @escaping Body) {
        self.required = required
        self.optional = optional
        self.body = body
    }

    /// Runs the filter, after checking how many arguments it got (Ruby
    /// counts the input as the first).
    func apply(_ input: Value, _ arguments: [Value], context: Context) throws -> Value {
        let given = arguments.count
        if given < required || optional.map({ given > required + $0 }) == true {
            let expected: String
            switch optional {
            case nil: expected = "\(required + 1)+"
            case 0?: expected = "\(required + 1)"
            case let extra?: expected = "\(required + 1)..\(required + 1 + extra)"
            }
            throw LiquidError.argument("wrong number of arguments (given \(given + 1), expected \(expected))")
        }
        return try body(input, arguments, context)
    }
}

/// The filters a template may use, by name.
public struct FilterSet: Sendable {
    public private(set) var filters: [String: Filter]

    public init(_ filters: [String: Filter] = [:]) {
        self.filters = filters
    }

    public subscript(name: String) -> Filter? {
        get { filters[name] }
        set { filters[name] = newValue }
    }

    /// Adds `other`'s filters, replacing any of the same name.
    public mutating func merge(_ other: FilterSet) {
        filters.merge(other.filters) { $1 }
    }
}
