/// Why an SMTP session or transaction failed. Each case tells the caller
/// what is known about the message and the connection; `description` is one
/// plain sentence for a user and never contains a password.
public enum SMTPError: Error, Sendable, CustomStringConvertible {
    /// The server URL, TLS setting, credentials, a trusted certificate file
    /// or an address cannot be used; nothing was sent for it.
    case configuration(String)
    /// Could not connect, or the TLS handshake failed.
    case connect(String)
    /// STARTTLS required, not offered.
    case tlsUnavailable
    /// The server refused the credentials (the reply).
    case authentication(SMTPReply)
    /// Credentials given but no AUTH PLAIN/LOGIN offered, or no TLS (never
    /// send credentials in clear, loopback included).
    case authenticationUnavailable(String)
    /// A 4xx/5xx reply at a stage. After .mail/.recipient/.data the
    /// connection is still usable (call reset()); after .endOfData the
    /// transaction is over and the connection usable; a 421 anywhere means
    /// the server is closing (isOpen becomes false).
    case rejected(SMTPReply, stage: SMTPStage)
    /// Connection closed, reset or timed out at a stage. `.endOfData` means
    /// the final "." was written and no reply read: the message may or may
    /// not have been accepted. Any earlier stage: it was not.
    case connectionLost(stage: SMTPStage)
    /// The server sent something SMTP does not allow (a malformed or
    /// oversized reply, an unexpected reply code, data where none belongs).
    case protocolViolation(String)

    public var description: String {
        switch self {
        case .configuration(let message), .connect(let message), .authenticationUnavailable(let message):
            return message
        case .tlsUnavailable:
            return "The SMTP server does not offer STARTTLS, so the connection cannot be encrypted."
        case .authentication(let reply):
            return "The SMTP server refused the username and password: \(reply)."
        case .rejected(let reply, let stage):
            if reply.code == 421 {
                return "The SMTP server is closing the connection (at \(stage.phrase)): \(reply)."
            }
            if stage == .endOfData { return "The SMTP server refused the message: \(reply)." }
            return "The SMTP server refused \(stage.phrase): \(reply)."
        case .connectionLost(.endOfData):
            return "The connection to the SMTP server was lost after the end of the message was sent;"
                + " the message may or may not have been accepted."
        case .connectionLost(let stage) where [.mail, .recipient, .data, .message].contains(stage):
            return "The connection to the SMTP server was lost at \(stage.phrase); the message was not accepted."
        case .connectionLost(let stage):
            return "The connection to the SMTP server was lost at \(stage.phrase)."
        case .protocolViolation(let message):
            return "The SMTP server broke the protocol: \(message)"
        }
    }
}
