import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
import TestSupport

@Suite("publish serve")
struct ServeCommandTests {
    func fetch(_ url: String) -> String? {
        guard let data = try? Data(contentsOf: URL(string: url)!) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    /// Polls `condition` every 0.2 s for at most `seconds`.
    func eventually(_ seconds: Double, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition() { return true }
            usleep(200_000)
        }
        return condition()
    }

    @Test("Serves the built site on 127.0.0.1 and rebuilds when a post changes")
    func servesAndRebuilds() throws {
        let site = try BuildCommandTests.Site(["_posts/2014-06-16-a.md": "First version\n"])
        let server = try Publish.Serving(site.url)
        let port = server.port
        defer { server.stop() }
        let page = "http://127.0.0.1:\(port)/2014/06/16/a.html"
        #expect(eventually(20) { fetch(page)?.contains("First version") == true })
        #expect(fetch(page)?.contains("/__publish/build") == true, "the page has no reload script")
        try site.write("Second version\n", to: "_posts/2014-06-16-a.md")
        #expect(eventually(20) { fetch(page)?.contains("Second version") == true })
        // The build number moves just after the new pages are swapped in.
        #expect(eventually(20) { fetch("http://127.0.0.1:\(port)/__publish/build") != "0" })
    }

    @Test("--quiet, which build takes, is taken by serve too, and keeps warnings off its output")
    func quietServe() throws {
        let site = try BuildCommandTests.Site(["_posts/2014-06-16-a.md": "![gone](missing.png)\n"])
        let errors = Pipe()
        let server = try Publish.Serving(site.url, quiet: true, errors: errors)
        let port = server.port
        defer { server.stop() }
        #expect(eventually(20) { fetch("http://127.0.0.1:\(port)/2014/06/16/a.html") != nil })
        server.stop()
        let said = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(said.contains("serving"))
        #expect(!said.contains("warning:"))
    }

    @Test("A link in the served folder that leads outside it is never followed; .. is refused")
    func neverServesOutside() throws {
        let outside = try TemporaryFolder(["secret.txt": "SECRET"])
        let site = try BuildCommandTests.Site(["_posts/2014-06-16-a.md": "A\n"])
        let server = try Publish.Serving(site.url, quiet: true)
        let port = server.port
        defer { server.stop() }
        #expect(eventually(20) { fetch("http://127.0.0.1:\(port)/2014/06/16/a.html") != nil })
        // Put there by hand, as a build never writes one.
        try FileManager.default.createSymbolicLink(
            atPath: site.url.appendingPathComponent("_site/leak.txt").path,
            withDestinationPath: outside.url.appendingPathComponent("secret.txt").path)
        for path in ["/leak.txt", "//leak.txt", "/leak.txt/", "/%2e%2e/secret.txt"] {
            #expect(fetch("http://127.0.0.1:\(port)\(path)")?.contains("SECRET") != true, "\(path)")
        }
    }

    @Test("An unreadable request gets 400 and a missing page 404, and either closes the connection; a page keeps it")
    func closesAfterErrors() throws {
        let site = try BuildCommandTests.Site(["_posts/2014-06-16-a.md": "A\n"])
        let server = try Publish.Serving(site.url, quiet: true)
        let port = server.port
        defer { server.stop() }
        #expect(eventually(20) { fetch("http://127.0.0.1:\(port)/2014/06/16/a.html") != nil })
        let garbled = try RawConnection(port: port)
        #expect(garbled.send("GET / HTTP/1.1\r\nHost 127.0.0.1\r\n\r\n"))
        #expect(try garbled.response(within: 5).status == 400)
        #expect(garbled.closed(within: 5))
        let browsing = try RawConnection(port: port)
        for (path, status) in [("/2014/06/16/a.html", 200), ("/2014/06/16/a.html", 200), ("/missing.png", 404)] {
            #expect(browsing.send("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"))
            #expect(try browsing.response(within: 5).status == status)
        }
        #expect(browsing.closed(within: 5))
    }
}
