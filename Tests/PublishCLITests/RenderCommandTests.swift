import Foundation
import TestSupport
import Testing

@Suite("publish render")
struct RenderCommandTests {
    @Test("Reads standard input and prints HTML by default")
    func stdinToHTML() throws {
        let run = try Publish.run(["render"], stdin: "# Hi\n\nSome *text*.\n")
        #expect(run.status == 0)
        #expect(run.stdout == "<h1 id=\"hi\">Hi</h1>\n<p>Some <em>text</em>.</p>\n")
        #expect(run.stderr.isEmpty)
    }

    @Test("render --to html gives a post the HTML build gives it, stages limited to html included")
    func sameAsBuild() throws {
        let post = "---\ntitle: T\n---\n# Heading\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\nSee https://example.org.\n"
        let pipeline = "stages:\n  - tables\n  - autolinks\n  - heading-ids:\n      outputs: [html]\n"
        let site = try TemporaryFolder(["publish.yml": pipeline, "_posts/2020-01-01-p.md": post])
        let build = try Publish.run(["build", "--source", site.url.path, "--format", "html", "--quiet"])
        #expect(build.status == 0, "\(build.stderr)")
        let page = try #require(site.read("_site/2020/01/01/p.html"))
        let start = try #require(page.range(of: "<div class=\"post-content\">\n"))
        let end = try #require(page.range(of: "\n</div>\n</article>", range: start.upperBound..<page.endIndex))
        let built = String(page[start.upperBound..<end.lowerBound])
        let render = try Publish.run(["render", site.url.appendingPathComponent("_posts/2020-01-01-p.md").path,
                                      "--pipeline", site.url.appendingPathComponent("publish.yml").path])
        #expect(render.status == 0, "\(render.stderr)")
        #expect(render.stdout.hasPrefix("<h1 id=\"heading\">Heading</h1>\n<table>"), "\(render.stdout)")
        #expect(render.stdout == built)
        let json = try Publish.run(["render", site.url.appendingPathComponent("_posts/2020-01-01-p.md").path,
                                    "--pipeline", site.url.appendingPathComponent("publish.yml").path, "--to", "json"])
        #expect(json.stdout.contains("\"type\":\"heading\"") && !json.stdout.contains("\"id\""),
                "a stage limited to html does not run for json")
    }

    @Test("Front matter is not rendered as content")
    func frontMatterHidden() throws {
        let run = try Publish.run(["render"], stdin: "---\ntitle: T\n---\nBody\n")
        #expect(run.stdout == "<p>Body</p>\n")
    }

    @Test("--to json prints the versioned tree with the post's metadata from its file name")
    func json() throws {
        let path = try Publish.file("2014-06-16-hello-world.md", "---\ntitle: Hello\ntags: a b\n---\nHi\n")
        let run = try Publish.run(["render", path, "--to", "json"])
        #expect(run.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object["version"] as? Int == 1)
        let metadata = try #require(object["metadata"] as? [String: Any])
        #expect(metadata["title"] as? String == "Hello")
        #expect(metadata["date"] as? String == "2014-06-16T00:00:00")
        #expect(metadata["slug"] as? String == "hello-world")
        #expect(metadata["tags"] as? [String] == ["a", "b"])
        let content = try #require(object["content"] as? [[String: Any]])
        #expect(content.first?["type"] as? String == "paragraph")
        #expect(content.first?["range"] as? [Int] == [5, 1, 5, 2])
    }

    @Test("--to text prints readable plain text")
    func text() throws {
        let run = try Publish.run(["render", "--to", "text"], stdin: "## Title\n\nA [link](https://x.org).\n")
        #expect(run.stdout == "Title\n-----\n\nA link (https://x.org).\n")
    }

    @Test("--raw-html escape shows raw HTML as text")
    func rawHTML() throws {
        let run = try Publish.run(["render", "--raw-html", "escape"], stdin: "a <b>b</b>\n")
        #expect(run.stdout == "<p>a &lt;b&gt;b&lt;/b&gt;</p>\n")
    }

    @Test("--from commonmark reads no front matter")
    func commonmark() throws {
        let run = try Publish.run(["render", "--from", "commonmark"], stdin: "---\n---\n")
        #expect(run.stdout == "<hr />\n<hr />\n")
    }

    @Test("Bad front matter: a located error on stderr, nothing on stdout, exit 1")
    func badFrontMatter() throws {
        let path = try Publish.file("2014-06-16-broken.md", "---\ntitle: ok\ndate: not a date\n---\nBody\n")
        let run = try Publish.run(["render", path])
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.hasPrefix("\(path):3:7: error: `date` is not a date"))
    }

    @Test("A missing file is an error naming it")
    func missingFile() throws {
        let run = try Publish.run(["render", "/nonexistent/post.md"])
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("/nonexistent/post.md: error: cannot read the file"))
    }

    @Test("An unknown output format is a usage error")
    func unknownFormat() throws {
        let run = try Publish.run(["render", "--to", "pdf"], stdin: "x")
        #expect(run.status != 0)
        #expect(run.stderr.contains("pdf"))
    }

    @Test("--to epub -o writes a one-post book whose first entry is the stored mimetype")
    func epubBook() throws {
        let path = try Publish.file("2014-06-16-hello.md", "---\ntitle: Hello\n---\nHi *there*.\n")
        let book = path + ".epub"
        let run = try Publish.run(["render", path, "--to", "epub", "-o", book])
        #expect(run.status == 0, "\(run.stderr)")
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: book)))
        #expect(bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]))
        #expect(String(decoding: bytes[30..<58], as: UTF8.self) == "mimetypeapplication/epub+zip")
    }

    @Test("--to epub without -o is a usage error")
    func epubNeedsOutput() throws {
        let run = try Publish.run(["render", "--to", "epub"], stdin: "Hi\n")
        #expect(run.status != 0 && run.stderr.contains("--to epub writes a file"))
    }

    @Test("-o writes any format to a file instead of standard output")
    func outputFile() throws {
        let path = try Publish.file("2014-06-16-hello.md", "Hi\n")
        let run = try Publish.run(["render", path, "-o", path + ".html"])
        #expect(run.status == 0 && run.stdout.isEmpty)
        #expect(try String(contentsOfFile: path + ".html", encoding: .utf8) == "<p>Hi</p>\n")
    }
}
