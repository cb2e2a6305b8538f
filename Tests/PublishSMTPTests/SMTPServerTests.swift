import Testing
@testable import PublishSMTP

@Suite("The SMTP server URL")
struct SMTPServerTests {
    private func server(_ url: String, tls: String? = nil, username: String? = nil, password: String? = nil,
                        clientName: String = "example.org") throws -> SMTPServer {
        try SMTPServer(url: url, tls: tls, username: username, password: password, clientName: clientName)
    }

    /// The message of the configuration error `body` throws, or nil.
    private func refusal(_ body: () throws -> SMTPServer) -> String? {
        do {
            _ = try body()
            return nil
        } catch SMTPError.configuration(let message) {
            return message
        } catch {
            return "unexpected \(error)"
        }
    }

    @Test("smtp:// is STARTTLS on 587, smtps:// implicit TLS on 465")
    func defaults() throws {
        let plain = try server("smtp://mail.example.org")
        #expect((plain.host, plain.port, plain.security) == ("mail.example.org", 587, SMTPServer.Security.starttls))
        let implicit = try server("SMTPS://mail.example.org/")
        #expect((implicit.host, implicit.port, implicit.security) == ("mail.example.org", 465, SMTPServer.Security.tls))
    }

    @Test("A port, an IPv6 host in brackets, and the TLS setting")
    func explicitParts() throws {
        let v6 = try server("smtp://[::1]:2525", tls: "none")
        #expect((v6.host, v6.port, v6.security) == ("::1", 2525, SMTPServer.Security.none))
        #expect(v6.isLoopback)
        #expect(try server("smtp://mail.example.org:465", tls: "TLS").security == .tls)
        #expect(try server("smtps://mail.example.org", tls: "tls").security == .tls)
    }

    @Test("Loopback: 127.0.0.0/8, ::1 in any spelling, localhost; nothing else")
    func loopback() throws {
        for host in ["127.0.0.1", "127.255.0.9", "localhost", "LOCALHOST", "[::1]", "[0:0:0:0:0:0:0:1]", "[::ffff:127.0.0.1]"] {
            #expect(try server("smtp://\(host):25", tls: "none").isLoopback, "\(host)")
        }
        for host in ["128.0.0.1", "10.0.0.1", "localhost.example.org", "[::2]", "127.0.0.1.example.org"] {
            #expect(!(try server("smtp://\(host):25")).isLoopback, "\(host)")
        }
    }

    @Test("Credentials in the URL are refused, and the message does not repeat them")
    func userinfo() throws {
        let message = try #require(refusal { try server("smtp://user:s3cret@mail.example.org") })
        #expect(message.contains("environment"))
        #expect(!message.contains("s3cret"))
        #expect(!"\(SMTPError.configuration(message))".contains("s3cret"))
    }

    @Test("No TLS is refused for a host that is not this machine")
    func noneOnlyLoopback() throws {
        #expect(refusal { try server("smtp://mail.example.org", tls: "none") } != nil)
        #expect(refusal { try server("smtp://10.1.2.3:25", tls: "none") } != nil)
        #expect(try server("smtp://127.0.0.1:25", tls: "none").security == .none)
    }

    @Test("smtps:// with none or starttls, an unknown TLS setting, other schemes, no host: refused")
    func refused() {
        #expect(refusal { try server("smtps://localhost", tls: "none") } != nil)
        #expect(refusal { try server("smtps://mail.example.org", tls: "starttls") } != nil)
        #expect(refusal { try server("smtp://mail.example.org", tls: "yes") } != nil)
        #expect(refusal { try server("http://mail.example.org") } != nil)
        #expect(refusal { try server("mail.example.org:25") } != nil)
        #expect(refusal { try server("smtp://") } != nil)
        #expect(refusal { try server("smtp://:25") } != nil)
        #expect(refusal { try server("smtp://[::1") } != nil)
        #expect(refusal { try server("smtp://::1:25") } != nil)
    }

    @Test("A port must be 1 to 65535 in digits; a path, query or fragment is refused")
    func badPortsAndPaths() {
        for url in ["smtp://h.example:0", "smtp://h.example:65536", "smtp://h.example:+25", "smtp://h.example:",
                    "smtp://h.example:x", "smtp://h.example/path", "smtp://h.example?x=1", "smtp://h.example#f"] {
            #expect(refusal { try server(url) } != nil, "\(url)")
        }
    }

    @Test("Credentials: both or neither; empty counts as not given")
    func credentials() throws {
        #expect(refusal { try server("smtp://h.example", username: "u") } != nil)
        #expect(refusal { try server("smtp://h.example", password: "p") } != nil)
        let none = try server("smtp://h.example", username: "", password: "")
        #expect(none.username == nil && none.password == nil)
        let both = try server("smtp://h.example", username: "u", password: "p")
        #expect(both.username == "u" && both.password == "p")
    }

    @Test("Printed, the server shows its address and user but never the password")
    func printed() throws {
        let configured = try server("smtp://[::1]:2525", tls: "starttls", username: "news", password: "s3cret")
        #expect("\(configured)" == "smtp://[::1]:2525 (starttls, user news)")
        #expect(!String(reflecting: configured).contains("s3cret"))
    }

    @Test("The EHLO name must be a domain or an address literal")
    func clientName() {
        #expect(refusal { try server("smtp://h.example", clientName: "") } != nil)
        #expect(refusal { try server("smtp://h.example", clientName: "a b") } != nil)
        #expect(refusal { try server("smtp://h.example", clientName: "x\r\nRCPT TO:<a@b>") } != nil)
        #expect(refusal { try server("smtp://h.example", clientName: "[127.0.0.1]") } == nil)
    }
}
