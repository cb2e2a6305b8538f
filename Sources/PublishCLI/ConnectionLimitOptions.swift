import ArgumentParser
import NIOCore

/// `--header-timeout`, `--body-timeout`, `--idle-timeout`,
/// `--max-connections` and `--max-connections-per-client`: the
/// `ConnectionLimits` of `publish unsubscribe-server`, a server that
/// faces the internet through a proxy.
struct ConnectionLimitOptions: ParsableArguments {
    /// The defaults, which `--help` shows.
    private static let standard = ConnectionLimits()
    private static func seconds(_ amount: TimeAmount) -> Double { Double(amount.nanoseconds) / 1e9 }

    @Option(help: ArgumentHelp(
        "Seconds a client has to send a request's headers, in total, from connecting or from its first byte after an answer.",
        valueName: "seconds"))
    var headerTimeout = Self.seconds(Self.standard.headerTimeout)

    @Option(help: ArgumentHelp("Seconds a client has to send a request's body, in total, after its headers.",
                               valueName: "seconds"))
    var bodyTimeout = Self.seconds(Self.standard.bodyTimeout)

    @Option(help: ArgumentHelp("Seconds a kept-alive connection may wait for its next request before it is closed.",
                               valueName: "seconds"))
    var idleTimeout = Self.seconds(Self.standard.idleTimeout)

    @Option(help: ArgumentHelp("Connections open at once; one more is closed at once.", valueName: "count"))
    var maxConnections = Self.standard.maxConnections

    @Option(help: ArgumentHelp(
        "Connections open at once from one IP address (behind a proxy, the proxy's); one more is closed at once.",
        valueName: "count"))
    var maxConnectionsPerClient = Self.standard.maxConnectionsPerClient

    func validate() throws {
        for (name, seconds) in [("--header-timeout", headerTimeout), ("--body-timeout", bodyTimeout),
                                ("--idle-timeout", idleTimeout)] {
            // A day at most, so the nanoseconds always fit.
            guard seconds > 0, seconds <= 86_400 else {
                throw ValidationError("\(name) must be more than 0 and at most 86400 seconds")
            }
        }
        guard maxConnections >= 1, maxConnectionsPerClient >= 1 else {
            throw ValidationError("--max-connections and --max-connections-per-client must be at least 1")
        }
    }

    var limits: ConnectionLimits {
        func amount(_ seconds: Double) -> TimeAmount { .nanoseconds(Int64((seconds * 1e9).rounded())) }
        return ConnectionLimits(headerTimeout: amount(headerTimeout), bodyTimeout: amount(bodyTimeout),
                                idleTimeout: amount(idleTimeout), maxConnections: maxConnections,
                                maxConnectionsPerClient: maxConnectionsPerClient)
    }
}
