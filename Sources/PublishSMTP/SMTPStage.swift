/// The step of an SMTP session at which something went wrong, so that a
/// caller can tell whether a message may have been delivered and whether the
/// connection can still be used.
public enum SMTPStage: String, Sendable {
    /// Opening the TCP connection (and, for implicit TLS, the handshake).
    case connect
    /// Waiting for the server's 220 greeting.
    case greeting
    /// EHLO (or the HELO it falls back to).
    case ehlo
    /// STARTTLS and the handshake after it.
    case starttls
    /// AUTH PLAIN or AUTH LOGIN.
    case auth
    /// MAIL FROM.
    case mail
    /// RCPT TO.
    case recipient
    /// DATA, up to the server's 354.
    case data
    /// Writing the message after the 354.
    case message
    /// The final "." and the reply to it.
    case endOfData
    /// RSET.
    case reset

    /// The stage as words for an error message: "the greeting", "MAIL FROM".
    var phrase: String {
        switch self {
        case .connect: "the connection"
        case .greeting: "the greeting"
        case .ehlo: "EHLO"
        case .starttls: "STARTTLS"
        case .auth: "AUTH"
        case .mail: "MAIL FROM"
        case .recipient: "RCPT TO"
        case .data: "DATA"
        case .message: "the message"
        case .endOfData: "the end of the message"
        case .reset: "RSET"
        }
    }
}
