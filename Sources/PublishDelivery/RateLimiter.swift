/// Spaces messages out to at most `rate` a second across every
/// connection, and slows down when a server says it is busy. A rate of 0
/// sends as fast as the server answers until the first slow-down, which
/// then caps it at half of what was reached.
actor RateLimiter {
    private var interval: Duration?
    private var next: ContinuousClock.Instant
    private let clock = ContinuousClock()
    private let started: ContinuousClock.Instant
    private var granted = 0
    /// The cap asked for (nil: none), which recovery never exceeds.
    private let ceiling: Duration?
    private var lastSlowDown: ContinuousClock.Instant?
    private var successesSinceSlowDown = 0

    /// - Parameter rate: messages per second; 0 for no cap.
    init(rate: Double) {
        interval = rate > 0 ? .seconds(1 / rate) : nil
        ceiling = interval
        started = clock.now
        next = started
    }

    /// Messages a second allowed now, or nil when there is no cap.
    var rate: Double? {
        interval.map { 1 / ($0 / .seconds(1)) }
    }

    /// Waits for the next message's turn.
    func acquire() async throws {
        granted += 1
        guard let interval else { return }
        let now = clock.now
        let slot = max(now, next)
        next = slot + interval
        if slot > now { try await clock.sleep(until: slot) }
    }

    /// A 421, 450, 451, 452 or 454: the server is busy or limiting us;
    /// halve the rate, to at least one message every ten seconds — once
    /// per five seconds, however many sessions heard it (greylisting
    /// answers 451 to each recipient at once).
    func slowDown() {
        let now = clock.now
        if let lastSlowDown, now - lastSlowDown < .seconds(5) { return }
        lastSlowDown = now
        successesSinceSlowDown = 0
        let current: Duration
        if let interval {
            current = interval
        } else {
            let elapsed = (clock.now - started) / .seconds(1)
            let reached = elapsed > 0 ? Double(granted) / elapsed : 1
            current = .seconds(1 / max(reached, 0.1))
        }
        interval = min(current * 2, .seconds(10))
    }

    /// A message accepted: after 20 in a row since the last slow-down,
    /// the rate goes back up by a quarter, at most to the one asked for
    /// (with no cap asked for, the cap is lifted once it is out of reach).
    func succeeded() {
        guard lastSlowDown != nil, let current = interval else { return }
        successesSinceSlowDown += 1
        guard successesSinceSlowDown >= 20 else { return }
        successesSinceSlowDown = 0
        let faster = current * 0.8
        if let ceiling {
            interval = max(faster, ceiling)
        } else {
            interval = faster < .milliseconds(1) ? nil : faster
        }
    }
}
