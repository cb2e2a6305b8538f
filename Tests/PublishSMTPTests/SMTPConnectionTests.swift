import NIOCore
import NIOPosix
import Testing
@testable import PublishSMTP

/// Connects to `server` on 127.0.0.1 without TLS.
func plainConnection(to server: ScriptedSMTPServer, timeout: TimeAmount = .seconds(30)) async throws -> SMTPConnection {
    var configuration = try SMTPServer(url: "smtp://127.0.0.1:\(server.port)", tls: "none", username: nil,
                                       password: nil, clientName: "client.example")
    configuration.trustedCertificates = []
    return try await SMTPConnection.connect(to: configuration, group: MultiThreadedEventLoopGroup.singleton,
                                            timeout: timeout)
}

/// The `SMTPError` that `body` throws, or nil.
func smtpError(_ body: () async throws -> Void) async -> SMTPError? {
    do {
        try await body()
        return nil
    } catch let error as SMTPError {
        return error
    } catch {
        Issue.record("not an SMTPError: \(error)")
        return nil
    }
}

/// A script that answers like `ScriptedSMTPServer.standard` except where
/// `answers` says otherwise: by the whole command line, or else by its verb
/// (upper-cased), the n-th answer for the n-th time it comes.
func script(_ answers: [String: [ServerAction]]) -> ScriptedSMTPServer.Script {
    let counts = Locked<[String: Int]>([:])
    return { command in
        let verb = answers[command] != nil ? command : command.prefix(while: { $0 != " " && $0 != ":" }).uppercased()
        let seen = counts.withLockedValue { counts in
            defer { counts[verb, default: 0] += 1 }
            return counts[verb, default: 0]
        }
        if let list = answers[verb], seen < list.count { return list[seen] }
        return ScriptedSMTPServer.standard(command)
    }
}

private struct Refusal: Error {}

@Suite("SMTP sessions with a scripted server")
struct SMTPConnectionTests {
    private let noWait: @Sendable () async throws -> Void = {}

    @Test("The greeting is read and the multi-line EHLO reply becomes the extensions; close says QUIT")
    func greetingAndExtensions() async throws {
        let server = try await ScriptedSMTPServer.start()
        let connection = try await plainConnection(to: server)
        #expect(connection.extensions == ["PIPELINING": "", "8BITMIME": "", "SIZE": "10240000", "STARTTLS": ""])
        #expect(connection.isOpen)
        await connection.close()
        try await server.waitUntilClientLeaves()
        #expect(server.commandTexts == ["EHLO client.example", "QUIT"])
        #expect(!connection.isOpen)
        await connection.close()
    }

    @Test("A whole transaction, byte for byte: dot-stuffed, CRLF line ends, a final CRLF added")
    func fullTransaction() async throws {
        let server = try await ScriptedSMTPServer.start()
        let connection = try await plainConnection(to: server)
        let message = Array("Subject: dots\r\n\r\n.hidden\r\nbare\n..two\r\nlast".utf8)
        let reply = try await connection.send(from: "news@example.org", to: "reader@example.net", message: message,
                                              beforeEndOfData: noWait)
        #expect(reply.code == 250)
        #expect(reply.enhancedStatus == "2.0.0")
        #expect(reply.lines == ["2.0.0 Ok: queued as 1234"])
        #expect(server.commandTexts == ["EHLO client.example", "MAIL FROM:<news@example.org>",
                                        "RCPT TO:<reader@example.net>", "DATA", "."])
        #expect(server.messages == [Array("Subject: dots\r\n\r\n..hidden\r\nbare\r\n...two\r\nlast\r\n".utf8)])
        await connection.close()
    }

    @Test("An 8-bit message is sent with BODY=8BITMIME when the server offers it")
    func eightBitMIME() async throws {
        let server = try await ScriptedSMTPServer.start()
        let connection = try await plainConnection(to: server)
        _ = try await connection.send(from: "a@example.org", to: "b@example.net",
                                      message: Array("Subject: 中文\r\n\r\n正文\r\n".utf8), beforeEndOfData: noWait)
        #expect(server.commandTexts.contains("MAIL FROM:<a@example.org> BODY=8BITMIME"))
        #expect(server.messages == [Array("Subject: 中文\r\n\r\n正文\r\n".utf8)])
        await connection.close()
    }

    @Test("Two transactions on one connection")
    func twoTransactions() async throws {
        let server = try await ScriptedSMTPServer.start()
        let connection = try await plainConnection(to: server)
        _ = try await connection.send(from: "a@example.org", to: "one@example.net", message: Array("1".utf8),
                                      beforeEndOfData: noWait)
        _ = try await connection.send(from: "a@example.org", to: "two@example.net", message: Array("2\r\n".utf8),
                                      beforeEndOfData: noWait)
        #expect(server.messages == [Array("1\r\n".utf8), Array("2\r\n".utf8)])
        #expect(server.commandTexts.filter { $0.hasPrefix("RCPT") } == ["RCPT TO:<one@example.net>", "RCPT TO:<two@example.net>"])
        #expect(connection.isOpen)
        await connection.close()
    }

    @Test("A 4xx at RCPT leaves the connection usable: RSET, then the next transaction succeeds",
          arguments: [false, true])
    func transientRecipient(pipelining: Bool) async throws {
        let ehlo: ServerAction = .reply("250-test.example\n" + (pipelining ? "250-PIPELINING\n" : "") + "250 8BITMIME")
        let server = try await ScriptedSMTPServer.start(
            script: script(["EHLO": [ehlo], "RCPT": [.reply("450 4.2.1 Mailbox busy")]]))
        let connection = try await plainConnection(to: server)
        let error = await smtpError {
            _ = try await connection.send(from: "a@example.org", to: "busy@example.net", message: [65],
                                          beforeEndOfData: noWait)
        }
        guard case .rejected(let reply, .recipient)? = error else {
            Issue.record("expected a refusal at RCPT, got \(String(describing: error))")
            return
        }
        #expect(reply.code == 450 && reply.isTransient && reply.enhancedStatus == "4.2.1")
        #expect(connection.isOpen)
        try await connection.reset()
        _ = try await connection.send(from: "a@example.org", to: "busy@example.net", message: [65],
                                      beforeEndOfData: noWait)
        // Pipelined, DATA went with the refused RCPT (and was refused for want of a recipient).
        #expect(server.commandTexts == ["EHLO client.example", "MAIL FROM:<a@example.org>", "RCPT TO:<busy@example.net>"]
                + (pipelining ? ["DATA"] : [])
                + ["RSET", "MAIL FROM:<a@example.org>", "RCPT TO:<busy@example.net>", "DATA", "."])
        #expect(server.messages == [Array("A\r\n".utf8)])
        // With PIPELINING, MAIL, RCPT and DATA go in one write (on loopback, one read);
        // without, the client waits for each reply before the next command.
        #expect(server.largestBatch == (pipelining ? 3 : 1))
        await connection.close()
    }

    @Test("Pipelined, a refused MAIL is reported as such, and the replies to RCPT and DATA do not go astray")
    func pipelinedMailRefused() async throws {
        let server = try await ScriptedSMTPServer.start(
            script: script(["MAIL": [.reply("550 5.7.1 Sender rejected")], "RCPT": [.reply("503 5.5.1 Need MAIL first")]]))
        let connection = try await plainConnection(to: server)
        let error = await smtpError {
            _ = try await connection.send(from: "bad@example.org", to: "b@example.net", message: [65],
                                          beforeEndOfData: noWait)
        }
        guard case .rejected(let reply, .mail)? = error else {
            Issue.record("expected a refusal at MAIL, got \(String(describing: error))")
            return
        }
        #expect(reply.enhancedStatus == "5.7.1")
        try await connection.reset()
        let accepted = try await connection.send(from: "a@example.org", to: "b@example.net", message: [66],
                                                 beforeEndOfData: noWait)
        #expect(accepted.code == 250)
        #expect(server.messages == [Array("B\r\n".utf8)])
        await connection.close()
    }

    @Test("Pipelined, a server that refuses RCPT but still says 354 to DATA: the connection is closed, never a \".\"")
    func pipelinedDataAfterRefusal() async throws {
        let server = try await ScriptedSMTPServer.start(
            strictData: false, script: script(["RCPT": [.reply("550 5.1.1 No such user")]]))
        let connection = try await plainConnection(to: server)
        let error = await smtpError {
            _ = try await connection.send(from: "a@example.org", to: "nobody@example.net", message: [65],
                                          beforeEndOfData: noWait)
        }
        guard case .rejected(_, .recipient)? = error else {
            Issue.record("expected a refusal at RCPT, got \(String(describing: error))")
            return
        }
        try await server.waitUntilClientLeaves()
        #expect(!connection.isOpen)
        #expect(server.messages.isEmpty)
        #expect(!server.commandTexts.contains("."))
    }

    @Test("`550 5.1.1` at RCPT: a permanent refusal with the enhanced status 5.1.1; no message is sent")
    func permanentRecipient() async throws {
        let server = try await ScriptedSMTPServer.start(
            script: script(["RCPT": [.reply("550 5.1.1 <nobody@example.net>: Recipient address rejected")]]))
        let connection = try await plainConnection(to: server)
        let error = await smtpError {
            _ = try await connection.send(from: "a@example.org", to: "nobody@example.net", message: [65],
                                          beforeEndOfData: noWait)
        }
        guard case .rejected(let reply, .recipient)? = error else {
            Issue.record("expected a refusal at RCPT, got \(String(describing: error))")
            return
        }
        #expect(reply.code == 550 && reply.isPermanent && reply.enhancedStatus == "5.1.1")
        #expect("\(error!)".contains("550 5.1.1"))
        #expect(server.messages.isEmpty)
        #expect(connection.isOpen)
        await connection.close()
    }

    @Test("A refusal of the message after its end ends that transaction only; the next one needs no RSET")
    func refusedAtEnd() async throws {
        let server = try await ScriptedSMTPServer.start(script: script([".": [.reply("554 5.7.1 Message rejected as spam")]]))
        let connection = try await plainConnection(to: server)
        let error = await smtpError {
            _ = try await connection.send(from: "a@example.org", to: "b@example.net", message: Array("spam".utf8),
                                          beforeEndOfData: noWait)
        }
        guard case .rejected(let reply, .endOfData)? = error else {
            Issue.record("expected a refusal at the end of data, got \(String(describing: error))")
            return
        }
        #expect(reply.enhancedStatus == "5.7.1")
        #expect(connection.isOpen)
        _ = try await connection.send(from: "a@example.org", to: "b@example.net", message: Array("ham".utf8),
                                      beforeEndOfData: noWait)
        #expect(server.messages == [Array("spam\r\n".utf8), Array("ham\r\n".utf8)])
        #expect(!server.commandTexts.contains("RSET"))
        await connection.close()
    }

    @Test("A 421 means the server is closing: refused at that stage, and the connection is no longer open")
    func closing421() async throws {
        let server = try await ScriptedSMTPServer.start(
            script: script(["MAIL": [.replyAndClose("421 4.3.2 Service shutting down")]]))
        let connection = try await plainConnection(to: server)
        let error = await smtpError {
            _ = try await connection.send(from: "a@example.org", to: "b@example.net", message: [65],
                                          beforeEndOfData: noWait)
        }
        guard case .rejected(let reply, .mail)? = error else {
            Issue.record("expected a 421 at MAIL, got \(String(describing: error))")
            return
        }
        #expect(reply.code == 421)
        #expect(!connection.isOpen)
        let next = await smtpError {
            _ = try await connection.send(from: "a@example.org", to: "b@example.net", message: [65],
                                          beforeEndOfData: noWait)
        }
        guard case .connectionLost(.mail)? = next else {
            Issue.record("expected the connection lost at MAIL, got \(String(describing: next))")
            return
        }
        await connection.close()
    }

    @Test("Dropped after DATA's 354 while the message is written: lost at the message (or before), never at its end")
    func droppedDuringMessage() async throws {
        let server = try await ScriptedSMTPServer.start(script: script(["DATA": [.replyAndClose("354 go ahead")]]))
        let connection = try await plainConnection(to: server)
        let message = [UInt8](repeating: UInt8(ascii: "x"), count: 4 << 20)
        let error = await smtpError {
            _ = try await connection.send(from: "a@example.org", to: "b@example.net", message: message) {
                // Whatever reached the socket's buffer, the client has now seen the close.
                try await connection.link.channel.closeFuture.get()
            }
        }
        guard case .connectionLost(let stage)? = error, [.data, .message].contains(stage) else {
            Issue.record("expected the connection lost during the message, got \(String(describing: error))")
            return
        }
        #expect(!"\(error!)".contains("may or may not"))
        #expect(!server.commandTexts.contains("."))
        #expect(!connection.isOpen)
    }

    @Test("Dropped after the final \".\" with no reply: lost at the end of data (the message may have been accepted)")
    func droppedAfterEnd() async throws {
        let server = try await ScriptedSMTPServer.start(script: script([".": [.close]]))
        let connection = try await plainConnection(to: server)
        let error = await smtpError {
            _ = try await connection.send(from: "a@example.org", to: "b@example.net", message: Array("hi".utf8),
                                          beforeEndOfData: noWait)
        }
        guard case .connectionLost(.endOfData)? = error else {
            Issue.record("expected the connection lost at the end of data, got \(String(describing: error))")
            return
        }
        #expect("\(error!)".contains("may or may not"))
        #expect(server.messages == [Array("hi\r\n".utf8)])
        #expect(!connection.isOpen)
    }

    @Test("When beforeEndOfData throws, no \".\" is sent, the connection closes and the error comes back")
    func beforeEndOfDataThrows() async throws {
        let server = try await ScriptedSMTPServer.start()
        let connection = try await plainConnection(to: server)
        await #expect(throws: Refusal.self) {
            _ = try await connection.send(from: "a@example.org", to: "b@example.net", message: Array("hi\r\n".utf8)) {
                throw Refusal()
            }
        }
        try await server.waitUntilClientLeaves()
        #expect(server.commandTexts == ["EHLO client.example", "MAIL FROM:<a@example.org>", "RCPT TO:<b@example.net>", "DATA"])
        #expect(server.messages.isEmpty)
        #expect(!connection.isOpen)
        await connection.close()
    }

    @Test("No reply within the timeout: the connection is lost at that stage")
    func timeout() async throws {
        let server = try await ScriptedSMTPServer.start(greeting: .silence)
        let error = await smtpError { _ = try await plainConnection(to: server, timeout: .milliseconds(200)) }
        guard case .connectionLost(.greeting)? = error else {
            Issue.record("expected the connection lost at the greeting, got \(String(describing: error))")
            return
        }
    }

    @Test("A server that stops reading in the middle of a message: the write times out, lost at the message")
    func stalledDuringMessage() async throws {
        let server = try await ScriptedSMTPServer.start(script: script(["DATA": [.replyAndStopReading("354 go ahead")]]))
        // Long enough for every reply on a busy machine; the stalled write then waits this long.
        let connection = try await plainConnection(to: server, timeout: .seconds(2))
        // Far more than the socket buffers on both ends hold.
        let message = [UInt8](repeating: UInt8(ascii: "x"), count: 64 << 20)
        let error = await smtpError {
            _ = try await connection.send(from: "a@example.org", to: "b@example.net", message: message) {
                Issue.record("the whole message was written to a server that reads nothing")
            }
        }
        guard case .connectionLost(.message)? = error else {
            Issue.record("expected the connection lost at the message, got \(String(describing: error))")
            return
        }
        #expect(!connection.isOpen)
    }

    @Test("Nothing listening: a connect error that names the host and port")
    func nothingListening() async throws {
        let server = try await ScriptedSMTPServer.start()
        let port = server.port
        await server.stop()
        let configuration = try SMTPServer(url: "smtp://127.0.0.1:\(port)", tls: "none", username: nil,
                                           password: nil, clientName: "client.example")
        let error = await smtpError {
            _ = try await SMTPConnection.connect(to: configuration, group: MultiThreadedEventLoopGroup.singleton)
        }
        guard case .connect(let message)? = error else {
            Issue.record("expected a connect error, got \(String(describing: error))")
            return
        }
        #expect(message.contains("127.0.0.1") && message.contains("\(port)"))
    }

    @Test("A 554 greeting is a refusal at the greeting; the client says QUIT")
    func refusedGreeting() async throws {
        let server = try await ScriptedSMTPServer.start(greeting: .reply("554 5.7.1 No service for you"))
        let error = await smtpError { _ = try await plainConnection(to: server) }
        guard case .rejected(let reply, .greeting)? = error else {
            Issue.record("expected a refusal at the greeting, got \(String(describing: error))")
            return
        }
        #expect(reply.code == 554)
        try await server.waitUntilClientLeaves()
        #expect(server.commandTexts == ["QUIT"])
    }

    @Test("A server that does not know EHLO is greeted with HELO and has no extensions")
    func heloFallback() async throws {
        let server = try await ScriptedSMTPServer.start(script: script(["EHLO": [.reply("502 5.5.1 Unrecognized command")]]))
        let connection = try await plainConnection(to: server)
        #expect(connection.extensions.isEmpty)
        _ = try await connection.send(from: "a@example.org", to: "b@example.net", message: Array("中".utf8),
                                      beforeEndOfData: noWait)
        #expect(server.commandTexts.prefix(3) == ["EHLO client.example", "HELO client.example", "MAIL FROM:<a@example.org>"])
        await connection.close()
    }

    @Test("A reply line of more than 4 KiB is a protocol violation, and the connection closes")
    func oversizedReply() async throws {
        let server = try await ScriptedSMTPServer.start(
            script: script(["MAIL": [.reply("250 " + String(repeating: "x", count: 5000))]]))
        let connection = try await plainConnection(to: server)
        let error = await smtpError {
            _ = try await connection.send(from: "a@example.org", to: "b@example.net", message: [65],
                                          beforeEndOfData: noWait)
        }
        guard case .protocolViolation? = error else {
            Issue.record("expected a protocol violation, got \(String(describing: error))")
            return
        }
        try await server.waitUntilClientLeaves()
        #expect(!connection.isOpen)
    }

    @Test("An address that is not ASCII goes with SMTPUTF8 when the server offers it")
    func internationalAddress() async throws {
        let server = try await ScriptedSMTPServer.start(
            script: script(["EHLO": [.reply("250-test.example\n250-SMTPUTF8\n250 8BITMIME")]]))
        let connection = try await plainConnection(to: server)
        _ = try await connection.send(from: "a@example.org", to: "读者@example.net", message: [65],
                                      beforeEndOfData: noWait)
        #expect(server.commandTexts.prefix(3) == ["EHLO client.example", "MAIL FROM:<a@example.org> SMTPUTF8",
                                                  "RCPT TO:<读者@example.net>"])
        await connection.close()
    }

    @Test("Addresses that would break the command, or need SMTPUTF8 the server lacks, are refused before MAIL")
    func badAddresses() async throws {
        let server = try await ScriptedSMTPServer.start()
        let connection = try await plainConnection(to: server)
        for (from, to) in [("a@example.org", "b@example.net>\r\nRCPT TO:<c@example.net"), ("a@example.org", ""),
                           ("a@example.org", "读者@example.net")] {
            let error = await smtpError {
                _ = try await connection.send(from: from, to: to, message: [65], beforeEndOfData: noWait)
            }
            guard case .configuration? = error else {
                Issue.record("expected the address refused, got \(String(describing: error))")
                continue
            }
        }
        #expect(server.commandTexts == ["EHLO client.example"])
        #expect(connection.isOpen)
        await connection.close()
    }
}
