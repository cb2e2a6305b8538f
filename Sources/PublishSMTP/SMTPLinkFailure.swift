/// Why the channel could not deliver a reply or a write. The connection
/// turns it into an `SMTPError` for the stage it was at.
enum SMTPLinkFailure: Error, Sendable {
    /// The bytes were not written: the connection was already closed or
    /// the write failed.
    case notSent
    /// The connection closed or was reset before the reply came.
    case closed
    /// No reply within the timeout; the connection has been closed.
    case timedOut
    /// The server sent bytes that are not SMTP; the connection has been closed.
    case malformed(String)
    /// The TLS handshake failed (certificate, host name, protocol).
    case tls(String)

    /// The error a caller sees for this failure at `stage`, with `host`
    /// named in a TLS failure.
    func error(at stage: SMTPStage, host: String) -> SMTPError {
        switch self {
        case .notSent, .closed, .timedOut: .connectionLost(stage: stage)
        case .malformed(let message): .protocolViolation(message)
        case .tls(let message): .connect("The TLS handshake with \(host) failed: \(message)")
        }
    }
}
