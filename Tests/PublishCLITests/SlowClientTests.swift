import Foundation
import Testing

/// The unsubscribe server against clients that dribble, hold or misbehave,
/// with timeouts of a fraction of a second. A bound that is met is checked
/// with a generous margin (5 s for a 0.3 s timeout), as the machine running
/// the tests may be busy.
@Suite("publish unsubscribe-server with slow and greedy clients")
struct SlowClientTests {
    typealias Server = UnsubscribeServerTests.Server

    static let shortTimeouts = ["--header-timeout", "0.3", "--body-timeout", "0.5", "--idle-timeout", "0.5"]

    func get(_ path: String, close: Bool = false) -> String {
        "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\n" + (close ? "Connection: close\r\n" : "") + "\r\n"
    }

    /// Sends `bytes` one at a time, `gap` seconds apart, until the server
    /// closes; whether it closed within `seconds`.
    func dribble(_ bytes: [UInt8], gap: Double, on connection: RawConnection, closedWithin seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        for byte in bytes {
            guard connection.send([byte]) else { return true }
            if connection.closed(within: gap) { return true }
            if Date() > deadline { return false }
        }
        return connection.closed(within: max(0, deadline.timeIntervalSinceNow))
    }

    @Test("Headers sent a byte at a time are cut off after the header timeout in total, not per byte")
    func slowHeaders() throws {
        let server = try Server(Self.shortTimeouts)
        let connection = try RawConnection(port: server.port)
        // 0.1 s between bytes is under the 0.3 s timeout: only total time ends it.
        let headers = "GET \(server.path) HTTP/1.1\r\n" + String(repeating: "X-Slow: 1\r\n", count: 10) + "\r\n"
        let cut = dribble(Array(headers.utf8), gap: 0.1, on: connection, closedWithin: 5)
        #expect(cut, "the headers were still being taken after 5 s")
        #expect(connection.readToEnd(within: 0) == "", "the server answered the unfinished request")
    }

    @Test("A body sent a byte at a time is cut off after the body timeout and unsubscribes nobody")
    func slowBody() throws {
        let server = try Server(Self.shortTimeouts)
        let connection = try RawConnection(port: server.port)
        let body = "List-Unsubscribe=One-Click"
        #expect(connection.send("POST \(server.path) HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: \(body.utf8.count)\r\n\r\n"))
        // 26 bytes 0.25 s apart take 6.5 s; the body timeout is 0.5 s.
        let cut = dribble(Array(body.utf8), gap: 0.25, on: connection, closedWithin: 5)
        #expect(cut, "the body was still being taken after 5 s")
        #expect(try server.status() == "ann@example.org\t\tactive\n")
    }

    @Test("After a 400, for a link without its token or for an unreadable request, the server closes the connection")
    func closesAfterErrorAnswer() throws {
        let server = try Server(Self.shortTimeouts + ["--idle-timeout", "30"])
        let incomplete = try RawConnection(port: server.port)
        #expect(incomplete.send(get("/unsubscribe?id=1")))
        let answer = try incomplete.response(within: 5)
        #expect(answer.status == 400 && answer.head.contains("Connection: close"), "\(answer.head)")
        #expect(incomplete.closed(within: 5))

        let garbled = try RawConnection(port: server.port)
        #expect(garbled.send("GET / HTTP/1.1\r\nHost 127.0.0.1\r\nno colon here\r\n\r\n"))
        let refused = try garbled.response(within: 5)
        #expect(refused.status == 400)
        #expect(garbled.closed(within: 5))
    }

    @Test("Over the per-client cap a new connection is closed at once while the held ones are still answered")
    func perClientCap() throws {
        let server = try Server(["--max-connections-per-client", "2", "--max-connections", "3"])
        // Each answered once, so the server has surely counted them.
        let held = try (0..<2).map { _ in try RawConnection(port: server.port) }
        for connection in held {
            #expect(connection.send(get(server.path)))
            #expect(try connection.response(within: 5).status == 200)
        }
        let third = try RawConnection(port: server.port)
        third.send(get(server.path))
        #expect(third.closed(within: 5))
        #expect(third.readToEnd(within: 0) == "", "the connection over the cap was answered")
        for connection in held {
            #expect(connection.send(get(server.path)))
            #expect(try connection.response(within: 5).status == 200)
        }
        // Linux routes all of 127/8 to loopback: 127.0.0.2 is another
        // client, under its own cap but not under the total one.
        #if os(Linux)
        let other = try RawConnection(port: server.port, from: "127.0.0.2")
        #expect(other.send(get(server.path)))
        #expect(try other.response(within: 5).status == 200)
        let fourth = try RawConnection(port: server.port, from: "127.0.0.3")
        fourth.send(get(server.path))
        #expect(fourth.closed(within: 5))
        #expect(fourth.readToEnd(within: 0) == "", "the connection over the total cap was answered")
        #endif
    }

    @Test("Connections cut off by a timeout or closed by the client give their place back")
    func capsAreGivenBack() throws {
        let server = try Server(Self.shortTimeouts + ["--max-connections-per-client", "2"])
        for _ in 0..<3 {
            let silent = try (0..<2).map { _ in try RawConnection(port: server.port) }
            for connection in silent { #expect(connection.closed(within: 5)) }
            // Kept alive, and closed by this side once answered.
            for _ in 0..<3 { try #require(answered(server, within: 5), "no place for a new connection") }
        }
    }

    /// Whether a connection made within `seconds` gets an answer to a GET.
    /// A new connection may come before the server has seen the last one
    /// close, and be refused; then another is tried.
    func answered(_ server: Server, within seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if let connection = try? RawConnection(port: server.port), connection.send(get(server.path)),
               (try? connection.response(within: 2))?.status == 200 {
                return true
            }
            usleep(50_000)
        }
        return false
    }

    @Test("Requests on a kept-alive connection are answered one after another, and it is closed once idle")
    func keepAlive() throws {
        let server = try Server(Self.shortTimeouts)
        let connection = try RawConnection(port: server.port)
        #expect(connection.send(get(server.path)))
        let page = try connection.response(within: 5)
        #expect(page.status == 200 && !page.head.contains("Connection: close"), "\(page.head)")
        let body = "List-Unsubscribe=One-Click"
        #expect(connection.send("POST \(server.path) HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)"))
        #expect(try connection.response(within: 5).status == 200)
        #expect(try server.status() == "ann@example.org\t\tunsubscribed\n")
        #expect(connection.closed(within: 5), "the idle connection was kept past its 0.5 s")
    }

    @Test("The limits are options whose defaults the help shows; a zero limit is refused")
    func options() throws {
        let help = try Publish.run(["unsubscribe-server", "--help"]).stdout
        for option in ["--header-timeout", "--body-timeout", "--idle-timeout", "--max-connections",
                       "--max-connections-per-client"] {
            #expect(help.contains(option), "\(option)")
        }
        #expect(help.contains("(default: 10.0)") && help.contains("(default: 60.0)") && help.contains("(default: 256)"))
        for option in ["--header-timeout", "--max-connections-per-client"] {
            let run = try Publish.run(["unsubscribe-server", option, "0"])
            #expect(run.status != 0 && run.stderr.contains(option), "\(run.stderr)")
        }
    }
}
