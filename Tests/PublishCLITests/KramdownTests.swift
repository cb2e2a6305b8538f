import Foundation
import TestSupport
import Testing

/// A Jekyll site's Markdown is kramdown's: its `kramdown:` block in
/// `_config.yml` sets the typography and the heading ids publish makes.
@Suite("Markdown as a Jekyll site's kramdown block sets it up")
struct KramdownTests {
    static let post = "---\ntitle: T\n---\n# Hello, World! 你好\n\n\"Quoted\" -- it's here...\n\n# Hello, World! 你好\n\n## Asked {#mine}\n"

    func build(config: String) throws -> (status: Int32, stderr: String, page: String) {
        let site = try TemporaryFolder(["_config.yml": config, "_posts/2020-01-01-p.md": KramdownTests.post,
                                        "_layouts/post.html": "{{ content }}"])
        let run = try Publish.run(["build", "--source", site.url.path, "--format", "html"])
        return (run.status, run.stderr, site.read("_site/2020/01/01/p.html") ?? "")
    }

    @Test("By default: smart quotes, dashes and ellipses, and GitHub's heading ids with -1 for the second")
    func defaults() throws {
        let built = try build(config: "title: S\n")
        #expect(built.status == 0, "\(built.stderr)")
        #expect(built.page == """
            <h1 id="hello-world-你好">Hello, World! 你好</h1>
            <p>“Quoted” – it’s here…</p>
            <h1 id="hello-world-你好-1">Hello, World! 你好</h1>
            <h2 id="mine">Asked</h2>

            """)
    }

    @Test("smart_quotes: false keeps straight quotes; auto_ids: false makes no ids but the asked-for one")
    func switchedOff() throws {
        let built = try build(config: "kramdown:\n  smart_quotes: false\n  auto_ids: false\n")
        #expect(built.status == 0, "\(built.stderr)")
        #expect(built.page.contains("<h1>Hello, World! 你好</h1>"), "\(built.page)")
        #expect(built.page.contains("<h2 id=\"mine\">Asked</h2>"), "\(built.page)")
        #expect(built.page.contains("<p>&quot;Quoted&quot; -- it's here...</p>"), "\(built.page)")
    }

    @Test("auto_id_prefix goes before every id kramdown would make")
    func prefix() throws {
        let built = try build(config: "kramdown:\n  auto_id_prefix: sec-\n")
        #expect(built.status == 0, "\(built.stderr)")
        #expect(built.page.contains("<h1 id=\"sec-hello-world-你好\">"), "\(built.page)")
        #expect(built.page.contains("<h1 id=\"sec-hello-world-你好-1\">"), "\(built.page)")
        #expect(built.page.contains("<h2 id=\"mine\">"), "\(built.page)")
    }
}
