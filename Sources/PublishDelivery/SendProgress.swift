/// How far a send has come, for a progress line.
public struct SendProgress: Sendable, Equatable {
    /// Rows this run set out to send.
    public var total: Int
    /// Of them, accepted by the server.
    public var sent: Int
    /// Of them, answered with 4xx and left for a retry.
    public var deferred: Int
    /// Of them, answered with 5xx.
    public var failed: Int
    /// Seconds since the run began.
    public var elapsed: Double

    /// Messages a second so far.
    public var rate: Double { elapsed > 0 ? Double(sent) / elapsed : 0 }

    /// Seconds left at the rate so far, or nil before there is one.
    public var remaining: Double? {
        let left = total - sent - failed - deferred
        return rate > 0 ? Double(max(left, 0)) / rate : nil
    }

    /// `sent 120/300 · 45.0/s · 4 s left`.
    public var line: String {
        var text = "sent \(sent)/\(total)"
        if deferred > 0 { text += " · \(deferred) deferred" }
        if failed > 0 { text += " · \(failed) failed" }
        text += " · " + String(format: "%.1f/s", rate)
        if let remaining { text += " · \(Int(remaining.rounded(.up))) s left" }
        return text
    }
}
