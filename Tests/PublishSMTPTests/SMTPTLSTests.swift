import Foundation
import NIOCore
import NIOPosix
import TestSupport
import Testing
@testable import PublishSMTP

@Suite("TLS and AUTH")
struct SMTPTLSTests {
    private let ehloWithAuth: ServerAction = .reply("250-test.example\n250-STARTTLS\n250-AUTH PLAIN LOGIN\n250 8BITMIME")

    private func configuration(_ url: String, tls: String? = nil, username: String? = "user",
                               password: String? = "pässword", trusting: [String]) throws -> SMTPServer {
        var server = try SMTPServer(url: url, tls: tls, username: username, password: password,
                                    clientName: "client.example")
        server.trustedCertificates = trusting
        return server
    }

    private func connect(_ server: SMTPServer) async throws -> SMTPConnection {
        try await SMTPConnection.connect(to: server, group: MultiThreadedEventLoopGroup.singleton, timeout: .seconds(30))
    }

    @Test("STARTTLS with a trusted certificate, then AUTH PLAIN only over TLS, with the credentials")
    func startTLSThenPlain() async throws {
        let certificate = try TestCertificate()
        let server = try await ScriptedSMTPServer.start(
            tls: certificate.serverContext,
            script: script(["EHLO": [ehloWithAuth, .reply("250-test.example\n250-AUTH PLAIN LOGIN\n250 8BITMIME")],
                            "AUTH": [.reply("235 2.7.0 Authentication successful")]]))
        let connection = try await connect(configuration("smtp://localhost:\(server.port)",
                                                         trusting: [certificate.certificatePath]))
        #expect(connection.extensions == ["AUTH": "PLAIN LOGIN", "8BITMIME": ""])
        _ = try await connection.send(from: "a@example.org", to: "b@example.net", message: Array("secret\r\n".utf8),
                                      beforeEndOfData: {})
        await connection.close()
        try await server.waitUntilClientLeaves()

        let commands = server.commands
        #expect(commands.prefix(3) == [ReceivedCommand(text: "EHLO client.example", encrypted: false),
                                       ReceivedCommand(text: "STARTTLS", encrypted: false),
                                       ReceivedCommand(text: "EHLO client.example", encrypted: true)])
        #expect(!commands.contains { $0.text.uppercased().hasPrefix("AUTH") && !$0.encrypted })
        let laterEncrypted = commands.dropFirst(3).allSatisfy { $0.encrypted }
        #expect(laterEncrypted)
        let auth = try #require(commands.first { $0.text.hasPrefix("AUTH PLAIN ") })
        let payload = try #require(Data(base64Encoded: String(auth.text.dropFirst("AUTH PLAIN ".count))))
        #expect(String(decoding: payload, as: UTF8.self) == "\0user\0pässword")
        #expect(server.messages == [Array("secret\r\n".utf8)])
    }

    @Test("AUTH LOGIN when the server offers only LOGIN")
    func login() async throws {
        let certificate = try TestCertificate()
        let server = try await ScriptedSMTPServer.start(
            tls: certificate.serverContext,
            script: script(["EHLO": [ehloWithAuth, .reply("250-test.example\n250 AUTH LOGIN")],
                            "AUTH": [.reply("334 VXNlcm5hbWU6")],
                            "dXNlcg==": [.reply("334 UGFzc3dvcmQ6")],
                            "cMOkc3N3b3Jk": [.reply("235 2.7.0 Ok")]]))
        let connection = try await connect(configuration("smtp://localhost:\(server.port)",
                                                         trusting: [certificate.certificatePath]))
        await connection.close()
        try await server.waitUntilClientLeaves()
        #expect(server.commandTexts.dropFirst(3).prefix(3) == ["AUTH LOGIN", "dXNlcg==", "cMOkc3N3b3Jk"])
    }

    @Test("Refused credentials: an authentication error with the server's reply, and no password in its words")
    func refusedCredentials() async throws {
        let certificate = try TestCertificate()
        let server = try await ScriptedSMTPServer.start(
            tls: certificate.serverContext,
            script: script(["EHLO": [ehloWithAuth, ehloWithAuth],
                            "AUTH": [.reply("535 5.7.8 Authentication credentials invalid")]]))
        let error = await smtpError {
            _ = try await connect(configuration("smtp://localhost:\(server.port)", trusting: [certificate.certificatePath]))
        }
        guard case .authentication(let reply)? = error else {
            Issue.record("expected refused credentials, got \(String(describing: error))")
            return
        }
        #expect(reply.enhancedStatus == "5.7.8")
        #expect(!"\(error!)".contains("pässword"))
    }

    @Test("Implicit TLS (smtps://) to an IP address, checked against the certificate's IP address")
    func implicitTLS() async throws {
        let certificate = try TestCertificate()
        let server = try await ScriptedSMTPServer.start(
            tls: certificate.serverContext, implicitTLS: true,
            script: script(["EHLO": [ehloWithAuth], "AUTH": [.reply("235 2.7.0 Ok")]]))
        let connection = try await connect(configuration("smtps://127.0.0.1:\(server.port)",
                                                         trusting: [certificate.certificatePath]))
        _ = try await connection.send(from: "a@example.org", to: "b@example.net", message: [65], beforeEndOfData: {})
        await connection.close()
        try await server.waitUntilClientLeaves()
        let allEncrypted = server.commands.allSatisfy { $0.encrypted }
        #expect(allEncrypted)
        #expect(server.commandTexts.prefix(2) == ["EHLO client.example", "AUTH PLAIN AHVzZXIAcMOkc3N3b3Jk"])
    }

    @Test("A certificate nobody trusts fails the connection before any command")
    func untrusted() async throws {
        let certificate = try TestCertificate()
        let server = try await ScriptedSMTPServer.start(tls: certificate.serverContext, implicitTLS: true)
        let error = await smtpError {
            _ = try await connect(configuration("smtps://localhost:\(server.port)", trusting: []))
        }
        guard case .connect(let message)? = error else {
            Issue.record("expected a failed handshake, got \(String(describing: error))")
            return
        }
        #expect(message.contains("trusted"))
        #expect(server.commands.isEmpty)
    }

    @Test("A trusted certificate for another name fails the connection (the host name is verified)")
    func wrongHost() async throws {
        let certificate = try TestCertificate(subjectAltName: "DNS:localhost")
        let server = try await ScriptedSMTPServer.start(
            tls: certificate.serverContext, script: script(["EHLO": [ehloWithAuth]]))
        let error = await smtpError {
            _ = try await connect(configuration("smtp://127.0.0.1:\(server.port)", trusting: [certificate.certificatePath]))
        }
        guard case .connect? = error else {
            Issue.record("expected a failed handshake, got \(String(describing: error))")
            return
        }
        #expect(!server.commands.contains { $0.encrypted })
        #expect(!server.commandTexts.contains { $0.hasPrefix("AUTH") })
    }

    @Test("Plaintext after STARTTLS's 220 (a whole line or part of one) is refused, never read as if it came over TLS",
          arguments: ["250-AUTH PLAIN\r\n", "250 injected\r\n", "250-partial"])
    func startTLSInjection(injected: String) async throws {
        let certificate = try TestCertificate()
        // The server's 220 and the injected text go out in one write, before TLS.
        let server = try await ScriptedSMTPServer.start(
            tls: certificate.serverContext,
            script: script(["STARTTLS": [.startTLSRaw("220 2.0.0 Ready to start TLS\r\n" + injected)]]))
        let error = await smtpError {
            _ = try await connect(configuration("smtp://localhost:\(server.port)", username: nil, password: nil,
                                                trusting: [certificate.certificatePath]))
        }
        guard case .protocolViolation? = error else {
            Issue.record("expected a protocol violation, got \(String(describing: error))")
            return
        }
        #expect(server.commandTexts == ["EHLO client.example", "STARTTLS"])
    }

    @Test("A trusted-certificate file that is missing or holds no certificate is a configuration error, before connecting",
          arguments: [true, false])
    func unreadableTrustedCertificates(missing: Bool) async throws {
        let folder = try TemporaryFolder(["empty.pem": ""])
        let path = folder.url.appendingPathComponent(missing ? "missing.pem" : "empty.pem").path
        let error = await smtpError {
            // Port 9 on loopback: nothing is sent there, the file is read first.
            _ = try await connect(configuration("smtp://127.0.0.1:9", username: nil, password: nil, trusting: [path]))
        }
        guard case .configuration(let message)? = error else {
            Issue.record("expected a configuration error, got \(String(describing: error))")
            return
        }
        #expect(message.contains(path))
    }

    @Test("STARTTLS required but not offered: tlsUnavailable, and no AUTH")
    func startTLSNotOffered() async throws {
        let server = try await ScriptedSMTPServer.start(
            script: script(["EHLO": [.reply("250-test.example\n250 AUTH PLAIN LOGIN")]]))
        let error = await smtpError {
            _ = try await connect(configuration("smtp://localhost:\(server.port)", trusting: []))
        }
        guard case .tlsUnavailable? = error else {
            Issue.record("expected tlsUnavailable, got \(String(describing: error))")
            return
        }
        try await server.waitUntilClientLeaves()
        #expect(server.commandTexts == ["EHLO client.example", "QUIT"])
    }

    @Test("Credentials without TLS, even on loopback: authenticationUnavailable and no AUTH")
    func credentialsWithoutTLS() async throws {
        let server = try await ScriptedSMTPServer.start(script: script(["EHLO": [ehloWithAuth]]))
        let error = await smtpError {
            _ = try await connect(configuration("smtp://127.0.0.1:\(server.port)", tls: "none", trusting: []))
        }
        guard case .authenticationUnavailable? = error else {
            Issue.record("expected authenticationUnavailable, got \(String(describing: error))")
            return
        }
        #expect(!server.commandTexts.contains { $0.hasPrefix("AUTH") })
    }

    @Test("Credentials but neither PLAIN nor LOGIN offered: authenticationUnavailable")
    func noUsableMechanism() async throws {
        let certificate = try TestCertificate()
        let server = try await ScriptedSMTPServer.start(
            tls: certificate.serverContext,
            script: script(["EHLO": [ehloWithAuth, .reply("250-test.example\n250 AUTH CRAM-MD5 XOAUTH2")]]))
        let error = await smtpError {
            _ = try await connect(configuration("smtp://localhost:\(server.port)", trusting: [certificate.certificatePath]))
        }
        guard case .authenticationUnavailable? = error else {
            Issue.record("expected authenticationUnavailable, got \(String(describing: error))")
            return
        }
        try await server.waitUntilClientLeaves()
        #expect(!server.commandTexts.contains { $0.hasPrefix("AUTH") })
    }
}
