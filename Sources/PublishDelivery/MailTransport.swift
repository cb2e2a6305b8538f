import NIOCore
import PublishSMTP

/// Where the sender's sessions come from: the SMTP server, or in tests a
/// server of the test's own making.
public protocol MailTransport: Sendable {
    func connect() async throws -> any MailSession
}

/// One open session that sends transactions one after another; what
/// `SMTPConnection` does. Errors are `SMTPError`s.
public protocol MailSession: AnyObject, Sendable {
    var isOpen: Bool { get }
    func send(from: String, to: String, message: [UInt8],
              beforeEndOfData: @Sendable () async throws -> Void) async throws -> SMTPReply
    func reset() async throws
    func close() async
}

extension SMTPConnection: MailSession {}

/// Sessions with a real SMTP server.
public struct SMTPTransport: MailTransport {
    public var server: SMTPServer
    public var group: any EventLoopGroup

    public init(server: SMTPServer, group: any EventLoopGroup) {
        self.server = server
        self.group = group
    }

    public func connect() async throws -> any MailSession {
        try await SMTPConnection.connect(to: server, group: group)
    }
}
