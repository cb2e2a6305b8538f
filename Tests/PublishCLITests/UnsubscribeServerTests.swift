import Foundation
import PublishEmail
import TestSupport
import Testing

@Suite("publish unsubscribe-server")
struct UnsubscribeServerTests {
    static let secretVariable = "PUBLISH_TEST_UNSUBSCRIBE_SECRET"
    static let secret = "a secret only these tests know"

    /// A site with one subscriber, and the server on it, on a free port.
    final class Server {
        let site: TemporaryFolder
        let process = Process()
        let port: Int
        let subscriberID: String

        /// - Parameter options: more of the command's options, after `--port 0`.
        init(_ options: [String] = []) throws {
            site = try TemporaryFolder([
                "_config.yml": "title: News & <Notes>\n",
                "publish.yml": "outputs:\n  email:\n    unsubscribe:\n      secret_env: \(UnsubscribeServerTests.secretVariable)\n",
            ])
            let added = try Publish.run(["subscribers", "add", "ann@example.org", "--source", site.url.path])
            #expect(added.status == 0, "\(added.stderr)")
            let list = try Publish.run(["subscribers", "list", "--source", site.url.path])
            #expect(list.stdout == "ann@example.org\t\tactive\n")
            subscriberID = "1"
            process.executableURL = Publish.executable
            process.arguments = ["unsubscribe-server", "--source", site.url.path, "--port", "0"] + options
            process.environment = ProcessInfo.processInfo.environment.merging(
                [UnsubscribeServerTests.secretVariable: UnsubscribeServerTests.secret]) { $1 }
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            // The first line names the port it listens on.
            var line: [UInt8] = []
            while !line.contains(10) {
                let data = output.fileHandleForReading.availableData
                if data.isEmpty { break }
                line += data
            }
            let text = String(decoding: line, as: UTF8.self)
            guard text.hasPrefix("listening on http://127.0.0.1:"), text.hasSuffix("/\n"),
                  let port = Int(text.dropFirst("listening on http://127.0.0.1:".count).dropLast(2)), port > 0 else {
                process.terminate()
                throw Failure("the server did not say where it listens: '\(text)'")
            }
            self.port = port
        }

        deinit {
            if process.isRunning { process.terminate() }
            process.waitUntilExit()
        }

        var token: String {
            UnsubscribeToken(secret: Array(UnsubscribeServerTests.secret.utf8))
                .token(subscriberID: subscriberID, address: "ann@example.org")
        }

        var path: String { "/unsubscribe?id=\(subscriberID)&token=\(token)" }

        func status() throws -> String {
            try Publish.run(["subscribers", "list", "--source", site.url.path]).stdout
        }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    /// An HTTP/1.1 exchange over a plain socket: the request as written,
    /// the response read until the server closes.
    struct Exchange {
        var status: Int
        var head: String
        var body: String

        init(port: Int, _ request: [UInt8]) throws {
            let connection = try RawConnection(port: port)
            guard connection.send(request) else { throw Failure("send failed") }
            // A server that never answers fails the test instead of hanging it.
            let text = connection.readToEnd(within: 20)
            guard let split = text.range(of: "\r\n\r\n"), let code = Int(text.dropFirst(9).prefix(3)) else {
                throw Failure("not an HTTP response: '\(text)'")
            }
            status = code
            head = String(text[..<split.lowerBound])
            body = String(text[split.upperBound...])
        }

        init(port: Int, method: String, path: String, contentType: String? = nil, body: [UInt8] = []) throws {
            var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
            if let contentType { head += "Content-Type: \(contentType)\r\n" }
            if method == "POST" { head += "Content-Length: \(body.count)\r\n" }
            try self.init(port: port, Array((head + "\r\n").utf8) + body)
        }
    }

    @Test("GET shows the page for the subscriber and changes nothing")
    func getShowsPage() throws {
        let server = try Server()
        let page = try Exchange(port: server.port, method: "GET", path: server.path)
        #expect(page.status == 200)
        #expect(page.head.lowercased().contains("content-type: text/html; charset=utf-8"))
        #expect(page.body.contains("News &amp; &lt;Notes&gt;") && page.body.contains("ann@example.org"))
        #expect(page.body.contains("name=\"List-Unsubscribe\" value=\"One-Click\""))
        #expect(try server.status() == "ann@example.org\t\tactive\n")
    }

    @Test("A one-click POST, urlencoded, unsubscribes with 200 and no redirect; the same again is 200")
    func oneClickURLEncoded() throws {
        let server = try Server()
        for _ in 0..<2 {
            let answer = try Exchange(port: server.port, method: "POST", path: server.path,
                                      contentType: "application/x-www-form-urlencoded",
                                      body: Array("List-Unsubscribe=One-Click".utf8))
            #expect(answer.status == 200, "\(answer.body)")
            #expect(!answer.head.lowercased().contains("location:") && !answer.head.lowercased().contains("set-cookie"))
            #expect(try server.status() == "ann@example.org\t\tunsubscribed\n")
        }
    }

    @Test("A one-click POST as multipart/form-data unsubscribes")
    func oneClickMultipart() throws {
        let server = try Server()
        let body = "--XyZ\r\nContent-Disposition: form-data; name=\"List-Unsubscribe\"\r\n\r\nOne-Click\r\n--XyZ--\r\n"
        let answer = try Exchange(port: server.port, method: "POST", path: server.path,
                                  contentType: "multipart/form-data; boundary=XyZ", body: Array(body.utf8))
        #expect(answer.status == 200, "\(answer.body)")
        #expect(try server.status() == "ann@example.org\t\tunsubscribed\n")
    }

    @Test("A tampered token gets 403 and changes nothing; PUT gets 405 with Allow; a huge body 413")
    func refusals() throws {
        let server = try Server()
        let token = server.token
        let tampered = String(token.dropLast()) + (token.last == "A" ? "B" : "A")
        let forbidden = try Exchange(port: server.port, method: "POST",
                                     path: "/unsubscribe?id=\(server.subscriberID)&token=\(tampered)",
                                     contentType: "application/x-www-form-urlencoded",
                                     body: Array("List-Unsubscribe=One-Click".utf8))
        #expect(forbidden.status == 403)
        let put = try Exchange(port: server.port, method: "PUT", path: server.path)
        #expect(put.status == 405 && put.head.contains("Allow: GET, POST"))
        let huge = try Exchange(port: server.port, method: "POST", path: server.path,
                                contentType: "application/x-www-form-urlencoded",
                                body: Array("List-Unsubscribe=One-Click&x=".utf8) + Array(repeating: 65, count: 200_000))
        #expect(huge.status == 413)
        #expect(try server.status() == "ann@example.org\t\tactive\n")
    }

    @Test("SIGINT and SIGTERM stop the server with status 0")
    func stopsOnSignals() throws {
        for stop in [{ (process: Process) in process.interrupt() }, { (process: Process) in process.terminate() }] {
            let server = try Server()
            stop(server.process)
            server.process.waitUntilExit()
            #expect(server.process.terminationReason == .exit && server.process.terminationStatus == 0)
        }
    }

    @Test("Without the secret in the environment it says which variable and exits 1")
    func missingSecret() throws {
        let site = try TemporaryFolder(["publish.yml": "outputs:\n  email:\n    unsubscribe:\n      secret_env: NO_SUCH_SECRET_VARIABLE\n"])
        let run = try Publish.run(["unsubscribe-server", "--source", site.url.path, "--port", "0"])
        #expect(run.status == 1 && run.stderr.contains("NO_SUCH_SECRET_VARIABLE"), "\(run.stderr)")
    }
}
