import Foundation
import NIOConcurrencyHelpers
import PublishDelivery
import PublishSMTP

/// An in-memory mail server for the sender's tests: it keeps every
/// message whose end of data it received, and answers from rules the test
/// sets per address. The SMTP client itself is tested against a socket in
/// PublishSMTPTests; here the subject is the sender's bookkeeping.
final class FakeServer: MailTransport, @unchecked Sendable {
    enum Rule {
        /// Answer this reply at RCPT, `times` times, then accept.
        case rejectRecipient(SMTPReply, times: Int)
        /// Drop the connection while the message is written, once.
        case dropDuringMessage
        /// Accept the message, then drop before replying, once.
        case dropAfterEndOfData
    }

    fileprivate let lock = NIOLock()
    private var rules: [String: Rule] = [:]
    private(set) var delivered: [(to: String, message: [UInt8])] = []
    private(set) var sessions = 0
    /// RSETs received, over all sessions.
    private(set) var resets = 0
    /// Sessions open at once beyond this are refused with a 421 greeting.
    var maxOpen: Int?
    private var open = 0
    /// Called at the end of data, before the message is kept: a test
    /// reads the ledger there.
    var atEndOfData: (@Sendable (String) -> Void)?

    func set(_ rule: Rule, for address: String) {
        lock.withLock { rules[address] = rule }
    }

    func count(to address: String) -> Int {
        lock.withLock { delivered.filter { $0.to == address }.count }
    }

    func connect() async throws -> any MailSession {
        let refused = lock.withLock { () -> Bool in
            if let maxOpen, open >= maxOpen { return true }
            sessions += 1
            open += 1
            return false
        }
        if refused {
            throw SMTPError.rejected(SMTPReply(code: 421, enhancedStatus: "4.7.0", lines: ["4.7.0 too many connections"]),
                                     stage: .greeting)
        }
        return Session(server: self)
    }

    fileprivate func closed() {
        lock.withLock { open -= 1 }
    }

    /// What the server does with one transaction to `to`.
    fileprivate func transaction(to: String, message: [UInt8], beforeEnd: @Sendable () async throws -> Void,
                                 session: Session) async throws -> SMTPReply
    {
        let rule = lock.withLock { rules[to] }
        switch rule {
        case .rejectRecipient(let reply, let times):
            lock.withLock {
                rules[to] = times > 1 ? .rejectRecipient(reply, times: times - 1) : nil
            }
            // A 421 means the server is closing the connection.
            if reply.code == 421 { session.open = false }
            throw SMTPError.rejected(reply, stage: .recipient)
        case .dropDuringMessage:
            lock.withLock { rules[to] = nil }
            session.open = false
            throw SMTPError.connectionLost(stage: .message)
        case .dropAfterEndOfData:
            try await beforeEnd()
            atEndOfData?(to)
            lock.withLock {
                rules[to] = nil
                delivered.append((to, message))
            }
            session.open = false
            throw SMTPError.connectionLost(stage: .endOfData)
        case nil:
            try await beforeEnd()
            atEndOfData?(to)
            lock.withLock { delivered.append((to, message)) }
            return SMTPReply(code: 250, enhancedStatus: "2.0.0", lines: ["2.0.0 Ok: queued"])
        }
    }

    final class Session: MailSession, @unchecked Sendable {
        let server: FakeServer
        var open = true

        init(server: FakeServer) {
            self.server = server
        }

        var isOpen: Bool { open }

        func send(from: String, to: String, message: [UInt8],
                  beforeEndOfData: @Sendable () async throws -> Void) async throws -> SMTPReply
        {
            try await server.transaction(to: to, message: message, beforeEnd: beforeEndOfData, session: self)
        }

        func reset() async throws {
            guard open else { throw SMTPError.connectionLost(stage: .reset) }
            server.lock.withLock { server.resets += 1 }
        }

        func close() async {
            if open { server.closed() }
            open = false
        }
    }
}
