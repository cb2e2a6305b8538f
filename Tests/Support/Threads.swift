import Foundation

/// Runs `body` on a new thread with the platform's default stack size and
/// waits for it to finish. Code that recursed once per level of a deep tree
/// would overflow that stack and crash the test run.
public func onSecondaryThread(_ body: @escaping @Sendable () -> Void) {
    let condition = NSCondition()
    nonisolated(unsafe) var finished = false
    let thread = Thread {
        body()
        condition.lock()
        finished = true
        condition.signal()
        condition.unlock()
    }
    thread.start()
    condition.lock()
    while !finished { condition.wait() }
    condition.unlock()
}
