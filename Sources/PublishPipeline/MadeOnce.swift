import Foundation

/// A value per index, each made the first time anyone asks for it, from any
/// thread: a post's HTML or summary that several pages show. Two threads
/// asking at once may both make it; both make the same value, and one is kept.
public final class MadeOnce<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Value?]

    public init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    public func value(at index: Int, _ make: () -> Value) -> Value {
        lock.lock()
        if let made = slots[index] {
            lock.unlock()
            return made
        }
        lock.unlock()
        let made = make()
        lock.lock()
        slots[index] = made
        lock.unlock()
        return made
    }
}
