import Foundation

/// AUTH (RFC 4954) with PLAIN (RFC 4616) when offered, else LOGIN. Called
/// only once TLS is up.
enum SMTPAuthentication {
    /// Throws `.authentication(reply)` when the server refuses, and
    /// `.authenticationUnavailable` when it offers neither mechanism.
    static func authenticate(_ link: SMTPLink, username: String, password: String,
                             extensions: [String: String]) async throws {
        let mechanisms = SMTPExtensions.authMechanisms(extensions)
        if mechanisms.contains("PLAIN") {
            let reply = try await link.exchange("AUTH PLAIN " + plainResponse(username: username, password: password),
                                                stage: .auth)
            try accept(reply, expecting: 235)
        } else if mechanisms.contains("LOGIN") {
            try accept(try await link.exchange("AUTH LOGIN", stage: .auth), expecting: 334)
            try accept(try await link.exchange(base64(username), stage: .auth), expecting: 334)
            try accept(try await link.exchange(base64(password), stage: .auth), expecting: 235)
        } else {
            throw SMTPError.authenticationUnavailable(extensions["AUTH"] == nil
                ? "The SMTP server does not offer AUTH, so the username and password cannot be used."
                : "The SMTP server offers neither AUTH PLAIN nor AUTH LOGIN, so the username and password cannot be used.")
        }
    }

    /// The PLAIN initial response: base64 of NUL, username, NUL, password.
    static func plainResponse(username: String, password: String) -> String {
        base64("\0\(username)\0\(password)")
    }

    private static func base64(_ text: String) -> String {
        Data(text.utf8).base64EncodedString()
    }

    /// Throws unless `reply` has the `expected` code: 421 is the server
    /// closing, other 4xx and 5xx a refusal, anything else a broken protocol.
    private static func accept(_ reply: SMTPReply, expecting expected: Int) throws {
        if reply.code == expected { return }
        if reply.code == 421 { throw SMTPError.rejected(reply, stage: .auth) }
        if !reply.isPositive { throw SMTPError.authentication(reply) }
        throw SMTPError.protocolViolation("the reply to AUTH was \(reply), not \(expected).")
    }
}
