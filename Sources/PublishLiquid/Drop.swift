/// An object that answers Liquid lookups itself, when asked: the site model
/// exposes posts and pages this way, so nothing is built that no template
/// reads. `forloop` and `tablerowloop` are drops too.
public protocol Drop: AnyObject, Sendable {
    /// The value of `drop.key`, or nil when the drop has no such key.
    func value(for key: String) -> Value?
    /// Whether `{{ drop.key }}` finds something (`key?` in Ruby). Drops
    /// answer every key by default, as liquid-ruby's do.
    func hasKey(_ key: String) -> Bool
    /// The items when a `for` loop goes over the drop; nil when it is one item.
    var items: [Value]? { get }
    /// What `{{ drop }}` writes.
    var text: String { get }
    /// What `inspect` writes.
    var inspectText: String { get }
    /// The class name in error messages.
    var typeName: String { get }
}

extension Drop {
    public func hasKey(_ key: String) -> Bool { true }
    public var items: [Value]? { nil }
    public var text: String { typeName }
    public var inspectText: String { typeName }
    public var typeName: String { String(describing: type(of: self)) }
}
