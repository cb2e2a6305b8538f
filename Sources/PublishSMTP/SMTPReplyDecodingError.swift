/// A server's bytes that are not a well-formed reply; becomes
/// `SMTPError.protocolViolation`.
struct SMTPReplyDecodingError: Error {
    var message: String
    init(_ message: String) { self.message = message }
}
