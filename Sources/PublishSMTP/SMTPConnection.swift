import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import NIOSSL

/// One session with an SMTP server, kept open for many transactions (one
/// per recipient): connected, greeted, encrypted and authenticated by
/// `connect`, then `send` once per message, `reset` after a refusal, and
/// `close` at the end. One transaction at a time.
public final class SMTPConnection: Sendable {
    let link: SMTPLink
    private let state = NIOLockedValueBox(State())
    /// How long a QUIT reply may take when closing.
    private let quitTimeout: TimeAmount

    /// Whether a transaction is under way and whether `close` was called.
    private struct State {
        var busy = false
        var closed = false
    }

    /// How long the reply to the final "." may take: RFC 5321 (4.5.3.2.6)
    /// gives the server 10 minutes there, five times the 2 minutes it gives
    /// other replies, since it may scan the message before answering.
    /// Giving up sooner would turn an accepted message into an uncertain one,
    /// sent twice.
    private let endOfDataTimeout: TimeAmount

    /// The EHLO keywords (upper-cased) and their parameters, after TLS.
    public let extensions: [String: String]

    private init(link: SMTPLink, extensions: [String: String], timeout: TimeAmount) {
        self.link = link
        self.extensions = extensions
        self.quitTimeout = min(timeout, .seconds(10))
        self.endOfDataTimeout = timeout * 5
    }

    deinit {
        link.channel.close(promise: nil)
    }

    /// Connects, reads the greeting, EHLO; STARTTLS then EHLO again when
    /// security is starttls (refusing to go on if not offered); TLS first
    /// for .tls; AUTH (PLAIN preferred, else LOGIN) when credentials are
    /// set and TLS is up. Hostname verified against the certificate.
    ///
    /// Credentials with security `none` are refused before connecting.
    /// `timeout` bounds the TCP connect and each reply.
    public static func connect(to server: SMTPServer, group: any EventLoopGroup,
                               timeout: TimeAmount = .seconds(120)) async throws -> SMTPConnection {
        if server.hasCredentials && server.security == .none {
            throw SMTPError.authenticationUnavailable(
                "The SMTP username and password are sent only over TLS; set the TLS setting to starttls or tls.")
        }
        let tlsContext = server.security == .none ? nil : try SMTPTLSContext.make(trusting: server.trustedCertificates)
        let serverHostname = SMTPHostName.isIPAddress(server.host) ? nil : server.host
        let implicitTLS = server.security == .tls ? tlsContext : nil
        let upgrade = server.security == .starttls
            ? tlsContext.map { SMTPClientHandler.TLSUpgrade(context: $0, serverHostname: serverHostname) } : nil

        // Every channel the bootstrap tries (one per address) and its handler,
        // so that the one that connects is found even if it closes at once.
        let attempts = NIOLockedValueBox<[(channel: any Channel, handler: NIOLoopBound<SMTPClientHandler>)]>([])
        let bootstrap = ClientBootstrap(group: group)
            .connectTimeout(timeout)
            .channelOption(.socketOption(.so_keepalive), value: 1)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let implicitTLS {
                        let tls = try NIOSSLClientHandler(context: implicitTLS, serverHostname: serverHostname)
                        try channel.pipeline.syncOperations.addHandler(tls)
                    }
                    let handler = SMTPClientHandler(eventLoop: channel.eventLoop, timeout: timeout,
                                                    implicitTLS: implicitTLS != nil, tlsUpgrade: upgrade)
                    try channel.pipeline.syncOperations.addHandler(handler)
                    let bound = NIOLoopBound(handler, eventLoop: channel.eventLoop)
                    attempts.withLockedValue { $0.append((channel, bound)) }
                }
            }
        let channel: any Channel
        do {
            channel = try await bootstrap.connect(host: server.host, port: server.port).get()
        } catch {
            throw SMTPError.connect("Cannot connect to the SMTP server \(server.host) port \(server.port): \(describe(error)).")
        }
        guard let handler = attempts.withLockedValue({ $0.first { $0.channel === channel }?.handler }) else {
            try? await channel.close().get()
            throw SMTPError.connectionLost(stage: .connect)
        }
        let link = SMTPLink(channel: channel, handler: handler, host: server.host)
        do {
            let extensions = try await open(link, server: server)
            return SMTPConnection(link: link, extensions: extensions, timeout: timeout)
        } catch {
            await link.quit(timeout: min(timeout, .seconds(10)))
            throw error
        }
    }

    /// Greeting, EHLO, STARTTLS and EHLO again, AUTH; returns the extensions.
    private static func open(_ link: SMTPLink, server: SMTPServer) async throws -> [String: String] {
        let greeting = try await link.greeting()
        guard greeting.code == 220 else {
            throw greeting.isPositive
                ? SMTPError.protocolViolation("the greeting was \(greeting), not 220.")
                : SMTPError.rejected(greeting, stage: .greeting)
        }
        var extensions = try await hello(link, server: server)
        if server.security == .starttls {
            guard extensions["STARTTLS"] != nil else { throw SMTPError.tlsUnavailable }
            let reply = try await link.exchange("STARTTLS", stage: .starttls, startsTLS: true)
            guard reply.code == 220 else {
                throw reply.isPositive
                    ? SMTPError.protocolViolation("the reply to STARTTLS was \(reply), not 220.")
                    : SMTPError.rejected(reply, stage: .starttls)
            }
            // RFC 3207 4.2: forget what was said before TLS.
            extensions = try await hello(link, server: server)
        }
        if let username = server.username, let password = server.password {
            guard await link.isEncrypted() else {
                throw SMTPError.authenticationUnavailable("The SMTP username and password are sent only over TLS.")
            }
            try await SMTPAuthentication.authenticate(link, username: username, password: password,
                                                      extensions: extensions)
        }
        return extensions
    }

    /// EHLO, or HELO when the server does not know EHLO; the extensions.
    private static func hello(_ link: SMTPLink, server: SMTPServer) async throws -> [String: String] {
        let reply = try await link.exchange("EHLO \(server.clientName)", stage: .ehlo)
        if (200..<300).contains(reply.code) { return SMTPExtensions.parse(reply) }
        guard reply.isPermanent, server.security != .starttls else {
            throw SMTPError.rejected(reply, stage: .ehlo)
        }
        let helo = try await link.exchange("HELO \(server.clientName)", stage: .ehlo)
        guard (200..<300).contains(helo.code) else { throw SMTPError.rejected(helo, stage: .ehlo) }
        return [:]
    }

    /// True until the server or `close` ends the connection.
    public var isOpen: Bool {
        !state.withLockedValue { $0.closed } && link.isActive
    }

    /// One transaction: MAIL FROM:<from>, RCPT TO:<to>, DATA, the message
    /// (CRLF line ends, dot-stuffed per RFC 5321 4.5.2, a CRLF added when it
    /// does not end with one), then `await beforeEndOfData()`, then the
    /// final ".". Returns the reply to the final "." when it is 2xx.
    /// If beforeEndOfData throws, the transaction is abandoned without
    /// sending "." (the connection is then closed; it cannot be resumed
    /// mid-DATA) and that error is rethrown.
    ///
    /// MAIL says BODY=8BITMIME when the message has 8-bit bytes and the
    /// server offers it, and SMTPUTF8 when an address is not ASCII (refused
    /// with `.configuration` when the server does not offer it). An address
    /// with a control character, `<` or `>` is refused with
    /// `.configuration` before anything is sent.
    public func send(from: String, to: String, message: [UInt8],
                     beforeEndOfData: @Sendable () async throws -> Void) async throws -> SMTPReply {
        for address in [from, to] where !SMTPAddress.isSendable(address) {
            throw SMTPError.configuration("The address “\(SMTPReplyDecoder.text(address.utf8))” cannot be sent to an SMTP server.")
        }
        guard !to.isEmpty else { throw SMTPError.configuration("The recipient's address is empty.") }
        var parameters = ""
        if !from.utf8.allSatisfy({ $0 < 0x80 }) || !to.utf8.allSatisfy({ $0 < 0x80 }) {
            guard extensions["SMTPUTF8"] != nil else {
                throw SMTPError.configuration(
                    "The SMTP server does not accept addresses that are not ASCII (no SMTPUTF8): \(from), \(to).")
            }
            parameters += " SMTPUTF8"
        }
        try begin(at: .mail)
        defer { end() }
        let encoded = SMTPMessageEncoding.encode(message, allocator: link.channel.allocator)
        if encoded.isEightBit && extensions["8BITMIME"] != nil { parameters = " BODY=8BITMIME" + parameters }

        try await begin(mail: "MAIL FROM:<\(from)>\(parameters)", recipient: "RCPT TO:<\(to)>")
        if encoded.bytes.readableBytes > 0 {
            try await link.write(encoded.bytes, stage: .message)
        }
        do {
            try await beforeEndOfData()
        } catch {
            state.withLockedValue { $0.closed = true }
            await link.abandon()
            throw error
        }
        let reply = try await link.exchange(".", stage: .endOfData, unsentStage: .message, timeout: endOfDataTimeout)
        try accept(reply, at: .endOfData)
        return reply
    }

    /// MAIL, RCPT and DATA, up to the 354: one at a time, or, when the server
    /// offers PIPELINING (RFC 2920), written together and their replies read
    /// in order. A refused MAIL or RCPT is reported first; if the server then
    /// still accepted DATA, the transaction cannot be ended cleanly, so the
    /// connection is closed.
    private func begin(mail: String, recipient: String) async throws {
        guard extensions["PIPELINING"] != nil else {
            try accept(try await link.exchange(mail, stage: .mail), at: .mail)
            try accept(try await link.exchange(recipient, stage: .recipient), at: .recipient)
            try acceptData(try await link.exchange("DATA", stage: .data))
            return
        }
        let replies = await link.pipeline([(mail, .mail), (recipient, .recipient), ("DATA", .data)])
        do {
            try accept(try replies[0].get(), at: .mail)
            try accept(try replies[1].get(), at: .recipient)
        } catch {
            if case .success(let data) = replies[2], data.code == 354 {
                state.withLockedValue { $0.closed = true }
                await link.abandon()
            }
            throw error
        }
        try acceptData(try replies[2].get())
    }

    /// Throws unless `reply` is DATA's 354.
    private func acceptData(_ reply: SMTPReply) throws {
        guard reply.code == 354 else {
            if reply.isPositive { throw SMTPError.protocolViolation("the reply to DATA was \(reply), not 354.") }
            throw SMTPError.rejected(reply, stage: .data)
        }
    }

    /// RSET, for reuse after a rejected transaction.
    public func reset() async throws {
        try begin(at: .reset)
        defer { end() }
        try accept(try await link.exchange("RSET", stage: .reset), at: .reset)
    }

    /// QUIT and close; never throws; safe to call twice.
    public func close() async {
        let first = state.withLockedValue { state in
            defer { state.closed = true }
            return !state.closed
        }
        if first {
            await link.quit(timeout: quitTimeout)
        } else {
            await link.abandon()
        }
    }

    /// Marks a transaction under way; refuses a second one at the same time
    /// and any after `close`.
    private func begin(at stage: SMTPStage) throws {
        try state.withLockedValue { state in
            guard !state.closed else { throw SMTPError.connectionLost(stage: stage) }
            guard !state.busy else {
                throw SMTPError.configuration("An SMTP connection sends one message at a time.")
            }
            state.busy = true
        }
    }

    private func end() {
        state.withLockedValue { $0.busy = false }
    }

    /// Throws unless `reply` is 2xx.
    private func accept(_ reply: SMTPReply, at stage: SMTPStage) throws {
        guard (200..<300).contains(reply.code) else {
            if reply.isPositive {
                throw SMTPError.protocolViolation("the reply to \(stage.phrase) was \(reply).")
            }
            throw SMTPError.rejected(reply, stage: stage)
        }
    }

    /// A connection error in a few words.
    private static func describe(_ error: any Error) -> String {
        var error = error
        if let connection = error as? NIOConnectionError {
            guard let first = connection.connectionErrors.first else {
                return "the name cannot be resolved"
            }
            error = first.error
        }
        if let io = error as? IOError {
            return String(cString: strerror(io.errnoCode))
        }
        if let error = error as? ChannelError, case .connectTimeout = error { return "no answer in time" }
        return "\(error)"
    }
}
