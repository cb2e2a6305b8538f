/// Where a render stops, so that a hostile or mistaken template ends with an
/// error instead of filling memory or running forever. nil is no limit.
public struct Limits: Sendable {
    /// Bytes of output of one render.
    public var outputLength: Int?
    /// Iterations of `for` and `tablerow` loops in one render, all loops
    /// together; a range made into items by a filter (`(1..5) | join`) or
    /// by `include … for` counts one iteration a number.
    public var loopIterations: Int?
    /// Bytes and items that `assign` and `capture` may store in one render.
    public var assignScore: Int?

    public init(outputLength: Int? = 64 << 20, loopIterations: Int? = 10_000_000, assignScore: Int? = 256 << 20) {
        self.outputLength = outputLength
        self.loopIterations = loopIterations
        self.assignScore = assignScore
    }

    /// No limits, as liquid-ruby has by default.
    public static let none = Limits(outputLength: nil, loopIterations: nil, assignScore: nil)
}

/// The counts of one render against its `Limits`.
struct ResourceLimits {
    let limits: Limits
    var iterations = 0
    var assignScore = 0
    /// While capturing, the captured length counts as assigned, not output.
    var captureLength: Int?

    init(_ limits: Limits) {
        self.limits = limits
    }

    mutating func addIteration() throws {
        iterations += 1
        if let limit = limits.loopIterations, iterations > limit {
            throw LiquidError(.memory, "Loop limit exceeded: more than \(limit) loop iterations in one render")
        }
    }

    /// `count` iterations at once: the numbers of a range made into items.
    mutating func addIterations(_ count: Int) throws {
        iterations = Loop.adding(iterations, count)
        if let limit = limits.loopIterations, iterations > limit {
            throw LiquidError(.memory, "Loop limit exceeded: more than \(limit) loop iterations in one render")
        }
    }

    mutating func addAssign(_ amount: Int) throws {
        assignScore += amount
        if let limit = limits.assignScore, assignScore > limit { throw Self.reached }
    }

    mutating func wrote(_ output: String) throws {
        if let last = captureLength {
            let length = output.utf8.count
            captureLength = length
            try addAssign(length - last)
        } else if let limit = limits.outputLength, output.utf8.count > limit {
            throw Self.reached
        }
    }

    static let reached = LiquidError(.memory, "Memory limits exceeded")
}
