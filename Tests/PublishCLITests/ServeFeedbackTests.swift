import Foundation
#if canImport(Glibc)
import Glibc
#endif
import TestSupport
import Testing

/// What `publish serve` shows while writing: errors over the page until
/// fixed, each warning once, a port in use said before any build.
@Suite("publish serve shows errors and warnings")
struct ServeFeedbackTests {
    typealias Site = BuildCommandTests.Site

    func fetch(_ url: String) -> String? {
        ServeCommandTests().fetch(url)
    }

    /// The body of `url` even when the status is not 200 (a 404 page).
    func fetchAny(_ url: String) -> String? {
        guard let port = URL(string: url)?.port, let path = URL(string: url)?.path,
              let connection = try? RawConnection(port: port),
              connection.send("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"),
              let response = try? connection.response(within: 5) else { return nil }
        return response.body
    }

    func eventually(_ seconds: Double, _ condition: () -> Bool) -> Bool {
        ServeCommandTests().eventually(seconds, condition)
    }

    /// `publish serve` on a random port; stderr goes to `errors` if given.
    func serve(_ site: Site, errors: Pipe? = nil) throws -> Publish.Serving {
        try Publish.Serving(site.url, errors: errors)
    }

    @Test("A post saved with an error puts the error over every page, its own included, until it is fixed")
    func errorOverlayUntilFixed() throws {
        let site = try Site(["_posts/2014-06-16-a.md": "A\n", "_posts/2014-06-17-b.md": "B first\n"])
        let server = try serve(site)
        let port = server.port
        defer { server.stop() }
        let a = "http://127.0.0.1:\(port)/2014/06/16/a.html", b = "http://127.0.0.1:\(port)/2014/06/17/b.html"
        #expect(eventually(20) { fetch(b)?.contains("B first") == true })
        #expect(fetch(a)?.contains("publish-errors") == false)
        try site.write("---\ndate: someday <b>\n---\nB\n", to: "_posts/2014-06-17-b.md")
        #expect(eventually(20) { fetch(a)?.contains("id=\"publish-errors\"") == true })
        let page = fetch(a) ?? ""
        #expect(page.contains("_posts/2014-06-17-b.md:2:"), "\(page)")
        #expect(page.contains("someday &lt;b&gt;") && !page.contains("someday <b>"), "the message is not escaped: \(page)")
        // The left-out post's own address shows the error, not a bare "not found".
        let missing = fetchAny(b) ?? ""
        #expect(missing.contains("id=\"publish-errors\"") && missing.contains("/__publish/build"), "\(missing)")
        try site.write("B fixed\n", to: "_posts/2014-06-17-b.md")
        #expect(eventually(20) { fetch(b)?.contains("B fixed") == true })
        #expect(eventually(20) { fetch(a)?.contains("publish-errors") == false })
    }

    @Test("A warning is printed at the first build and not again at each rebuild")
    func warningsOnce() throws {
        let site = try Site(["_posts/2014-06-16-a.md": "[gone](2014-01-01-nothing.md)\n", "_posts/2014-06-17-b.md": "B1\n"])
        let errors = Pipe()
        let server = try serve(site, errors: errors)
        let port = server.port
        defer { server.stop() }
        let b = "http://127.0.0.1:\(port)/2014/06/17/b.html"
        #expect(eventually(20) { fetch(b)?.contains("B1") == true })
        try site.write("B2\n", to: "_posts/2014-06-17-b.md")
        #expect(eventually(20) { fetch(b)?.contains("B2") == true })
        // The other outputs follow the pages: give them time to say what they say.
        try site.write("B3\n", to: "_posts/2014-06-17-b.md")
        #expect(eventually(20) { fetch(b)?.contains("B3") == true })
        usleep(1_500_000)
        server.stop()
        let said = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let warnings = said.split(separator: "\n").filter { $0.contains("warning:") && $0.contains("2014-01-01-nothing.md") }
        #expect(!warnings.isEmpty && Set(warnings).count == warnings.count, "\(said)")
        #expect(said.contains("warnings (0 new); built"), "the closing line does not say none was new: \(said)")
    }

    @Test("A port in use is an error at once, before any build")
    func portInUseFailsFast() throws {
        let listener = try Listener()
        let site = try Site(["_posts/2014-06-16-a.md": "A\n"])
        let started = Date()
        let run = try Publish.run(["serve", "--source", site.url.path, "--port", String(listener.port)])
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stderr.contains("error: cannot serve on 127.0.0.1:\(listener.port)"), "\(run.stderr)")
        #expect(!run.stderr.contains("built"), "it built before trying the port: \(run.stderr)")
        #expect(!site.exists("_site"))
        #expect(Date().timeIntervalSince(started) < 10)
    }

    /// A socket listening on a free loopback port, closed when dropped.
    final class Listener {
        let fd: Int32
        let port: Int

        init() throws {
            #if os(Linux)
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            #else
            let fd = socket(AF_INET, SOCK_STREAM, 0)
            #endif
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            address.sin_port = 0
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            let bound = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
            }
            guard bound == 0, listen(fd, 1) == 0 else {
                close(fd)
                throw RawConnection.Failure("cannot listen")
            }
            _ = withUnsafeMutablePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
            }
            self.fd = fd
            port = Int(UInt16(bigEndian: address.sin_port))
        }

        deinit { close(fd) }
    }
}
