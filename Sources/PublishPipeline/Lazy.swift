import Foundation

/// A value worked out on first use, once, whichever thread asks first;
/// the others wait for it. A post read from the build cache keeps its
/// tree in one, so a rebuild parses only the posts an output renders.
public final class Lazy<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value?
    private var load: (@Sendable () -> Value)?

    /// A value that is already known.
    public init(_ value: Value) {
        stored = value
    }

    /// A value `load` works out when first asked for.
    public init(loading load: @escaping @Sendable () -> Value) {
        self.load = load
    }

    public var value: Value {
        lock.lock()
        defer { lock.unlock() }
        if let stored { return stored }
        let value = load!()
        stored = value
        load = nil
        return value
    }

    /// Whether the value has been worked out.
    public var isLoaded: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stored != nil
    }
}
