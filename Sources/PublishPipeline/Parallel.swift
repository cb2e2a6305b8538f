import Dispatch

/// Work spread over every core, results in input order. The one place
/// that shares a buffer across threads: each index is written once, by one
/// thread, and read only after all have finished.
public enum Parallel {
    /// `transform` of every input, on all cores; the results in input order.
    public static func map<Input: Sendable, Output: Sendable>(
        _ inputs: [Input], _ transform: @Sendable (Input) -> Output
    ) -> [Output] {
        let results = Slots<Output>(count: inputs.count)
        DispatchQueue.concurrentPerform(iterations: inputs.count) { index in
            results.set(index, transform(inputs[index]))
        }
        return results.values
    }

    /// Fixed storage allocated once, so writers never touch a shared array's
    /// header, only their own element.
    private final class Slots<Value>: @unchecked Sendable {
        private let storage: UnsafeMutableBufferPointer<Value?>

        init(count: Int) {
            storage = .allocate(capacity: count)
            storage.initialize(repeating: nil)
        }

        deinit {
            storage.deinitialize()
            storage.deallocate()
        }

        func set(_ index: Int, _ value: Value) {
            storage[index] = value
        }

        var values: [Value] { storage.map { $0! } }
    }
}
