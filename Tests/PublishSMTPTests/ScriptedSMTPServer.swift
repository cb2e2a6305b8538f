import NIOCore
import NIOPosix
import NIOSSL

/// What the scripted server does after a command (or on connecting).
enum ServerAction: Sendable {
    /// Sends the text (lines separated by "\n") with CRLF line ends.
    case reply(String)
    /// Sends the text, then closes the connection.
    case replyAndClose(String)
    /// Closes the connection without a word.
    case close
    /// Says nothing.
    case silence
    /// Sends the text, then starts TLS as the server (STARTTLS).
    case startTLS(String)
    /// Sends exactly these bytes (no line ends added), then starts TLS.
    case startTLSRaw(String)
    /// Sends the text, then reads nothing more from the client.
    case replyAndStopReading(String)
}

/// A command as the server received it.
struct ReceivedCommand: Sendable, Equatable {
    var text: String
    /// True when it came over TLS.
    var encrypted: Bool
}

/// An SMTP server on 127.0.0.1 for tests: answers each command from a
/// script, and records every command and the bytes of every message (as
/// sent on the wire, still dot-stuffed, up to and including the CRLF before
/// the final ".").
final class ScriptedSMTPServer: Sendable {
    typealias Script = @Sendable (String) -> ServerAction

    let port: Int
    private let channel: any Channel
    private let recording = Locked<(commands: [ReceivedCommand], messages: [[UInt8]])>(([], []))
    private let closed: EventLoopPromise<Void>
    private let closedOnce = Locked(false)

    /// The commands received so far, in order.
    var commands: [ReceivedCommand] { recording.withLockedValue { $0.commands } }
    /// Just the text of the commands.
    var commandTexts: [String] { commands.map(\.text) }
    /// The messages received so far.
    var messages: [[UInt8]] { recording.withLockedValue { $0.messages } }
    /// The most commands that came in one read: more than one only when the
    /// client sent a command before the reply to the one before it.
    var largestBatch: Int { batch.withLockedValue { $0 } }
    private let batch = Locked(0)

    /// Starts a server.
    /// - Parameters:
    ///   - greeting: what it does when a client connects.
    ///   - tls: the server's TLS context, for STARTTLS or implicit TLS.
    ///   - implicitTLS: TLS from the first byte.
    ///   - strictData: DATA is refused unless a recipient was accepted, whatever the script says.
    ///   - script: the action for each command line ("." for the end of a message).
    static func start(greeting: ServerAction = .reply("220 test.example ESMTP ready"),
                      tls: NIOSSLContext? = nil, implicitTLS: Bool = false, strictData: Bool = true,
                      script: @escaping Script = ScriptedSMTPServer.standard) async throws -> ScriptedSMTPServer {
        let group = MultiThreadedEventLoopGroup.singleton
        let box = Locked<ScriptedSMTPServer?>(nil)
        let channel = try await ServerBootstrap(group: group)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { child in
                child.eventLoop.makeCompletedFuture {
                    guard let server = box.withLockedValue({ $0 }) else { throw ChannelError.ioOnClosedChannel }
                    if implicitTLS, let tls {
                        try child.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: tls))
                    }
                    try child.pipeline.syncOperations.addHandler(
                        ScriptedSessionHandler(server: server, greeting: greeting, script: script, tls: tls,
                                               encrypted: implicitTLS, strictData: strictData))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        let server = ScriptedSMTPServer(channel: channel, closed: group.next().makePromise())
        box.withLockedValue { $0 = server }
        return server
    }

    private init(channel: any Channel, closed: EventLoopPromise<Void>) {
        self.channel = channel
        self.port = channel.localAddress!.port!
        self.closed = closed
    }

    deinit {
        channel.close(promise: nil)
        closed.succeed()
    }

    /// The answers of a well-behaved server with PIPELINING, 8BITMIME and STARTTLS.
    @Sendable static func standard(_ command: String) -> ServerAction {
        let verb = command.prefix(while: { $0 != " " }).uppercased()
        switch verb {
        case "EHLO": return .reply("250-test.example greets you\n250-PIPELINING\n250-8BITMIME\n250-SIZE 10240000\n250 STARTTLS")
        case "HELO": return .reply("250 test.example")
        case "MAIL", "RCPT", "RSET": return .reply("250 2.1.0 Ok")
        case "DATA": return .reply("354 End data with <CR><LF>.<CR><LF>")
        case ".": return .reply("250 2.0.0 Ok: queued as 1234")
        case "QUIT": return .replyAndClose("221 2.0.0 Bye")
        case "STARTTLS": return .startTLS("220 2.0.0 Ready to start TLS")
        case "NOOP": return .reply("250 2.0.0 Ok")
        default: return .reply("502 5.5.2 Error: command not recognized")
        }
    }

    /// Waits until the first client connection has closed.
    func waitUntilClientLeaves() async throws {
        try await closed.futureResult.get()
    }

    func stop() async {
        try? await channel.close().get()
    }

    fileprivate func record(_ command: ReceivedCommand) {
        recording.withLockedValue { $0.commands.append(command) }
    }

    fileprivate func record(batchOf count: Int) {
        batch.withLockedValue { $0 = max($0, count) }
    }

    fileprivate func record(message: [UInt8]) {
        recording.withLockedValue { $0.messages.append(message) }
    }

    fileprivate func clientLeft() {
        if closedOnce.withLockedValue({ done in defer { done = true }; return !done }) {
            closed.succeed()
        }
    }
}

/// One client's session with the scripted server.
private final class ScriptedSessionHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let server: ScriptedSMTPServer
    private let greeting: ServerAction
    private let script: ScriptedSMTPServer.Script
    private let tls: NIOSSLContext?
    private var encrypted: Bool
    private var pending: [UInt8] = []
    private var inData = false
    /// Recipients accepted in this transaction.
    private var acceptedRecipients = 0
    private let strictData: Bool
    /// How far into `pending` a message has been searched for its end.
    private var scanned = 0
    private var done = false

    init(server: ScriptedSMTPServer, greeting: ServerAction, script: @escaping ScriptedSMTPServer.Script,
         tls: NIOSSLContext?, encrypted: Bool, strictData: Bool) {
        self.server = server
        self.strictData = strictData
        self.greeting = greeting
        self.script = script
        self.tls = tls
        self.encrypted = encrypted
    }

    func channelActive(context: ChannelHandlerContext) {
        perform(greeting, context: context)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        done = true
        server.clientLeft()
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var bytes = unwrapInboundIn(data)
        pending += bytes.readBytes(length: bytes.readableBytes) ?? []
        var commandsInThisRead = 0
        defer { server.record(batchOf: commandsInThisRead) }
        while !done {
            if inData {
                let end: Int
                let terminator = Array(".\r\n".utf8)
                if pending.starts(with: terminator) {
                    end = 0
                } else if let found = Self.find(Array("\r\n.\r\n".utf8), in: pending, from: max(0, scanned - 4)) {
                    end = found + 2
                } else {
                    scanned = pending.count
                    return
                }
                scanned = 0
                server.record(message: Array(pending[..<end]))
                pending.removeFirst(end + 3)
                inData = false
                acceptedRecipients = 0
                server.record(ReceivedCommand(text: ".", encrypted: encrypted))
                perform(script("."), context: context)
            } else {
                guard let lineEnd = Self.find(Array("\r\n".utf8), in: pending) else { return }
                let line = String(decoding: pending[..<lineEnd], as: UTF8.self)
                pending.removeFirst(lineEnd + 2)
                commandsInThisRead += 1
                server.record(ReceivedCommand(text: line, encrypted: encrypted))
                let verb = line.prefix(while: { $0 != " " && $0 != ":" }).uppercased()
                var action = script(line)
                if verb == "MAIL" || verb == "RSET" { acceptedRecipients = 0 }
                if verb == "RCPT", case .reply(let text) = action, text.hasPrefix("2") { acceptedRecipients += 1 }
                if verb == "DATA" && acceptedRecipients == 0 && strictData {
                    // As real servers do (RFC 2920 3.1): no DATA without a recipient.
                    action = .reply("554 5.5.1 Error: no valid recipients")
                }
                if line.uppercased() == "DATA", case .reply(let text) = action, text.hasPrefix("354") { inData = true }
                if line.uppercased() == "DATA", case .replyAndClose(let text) = action, text.hasPrefix("354") { inData = true }
                if case .replyAndStopReading = action { done = true }
                perform(action, context: context)
            }
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }

    private func perform(_ action: ServerAction, context: ChannelHandlerContext) {
        switch action {
        case .reply(let text):
            send(text, context: context)
        case .replyAndClose(let text):
            send(text, context: context)
            done = true
            context.close(promise: nil)
        case .close:
            done = true
            context.close(promise: nil)
        case .silence:
            break
        case .replyAndStopReading(let text):
            send(text, context: context)
            done = true
            context.channel.setOption(.autoRead, value: false).whenComplete { _ in }
        case .startTLS, .startTLSRaw:
            if case .startTLS(let text) = action { send(text, context: context) }
            if case .startTLSRaw(let raw) = action {
                context.writeAndFlush(wrapOutboundOut(context.channel.allocator.buffer(string: raw)), promise: nil)
            }
            if let tls {
                try! context.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: tls), position: .first)
                encrypted = true
            }
        }
    }

    private func send(_ text: String, context: ChannelHandlerContext) {
        let wire = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0 + "\r\n" }.joined()
        context.writeAndFlush(wrapOutboundOut(context.channel.allocator.buffer(string: wire)), promise: nil)
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int = 0) -> Int? {
        guard haystack.count - from >= needle.count else { return nil }
        for start in from...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if haystack[start..<(start + needle.count)].elementsEqual(needle) { return start }
        }
        return nil
    }
}
