import Foundation
import TestSupport
import Testing

/// Code highlighted in a build, as the site's configuration asks.
@Suite("Highlighted code in a site")
struct HighlightSiteTests {
    static let post = "---\ntitle: T\n---\n```go\nfunc main() {}\n```\n"

    func build(_ files: [String: String]) throws -> (status: Int32, stderr: String, page: String, css: String) {
        var all = files
        all["_posts/2020-01-01-p.md"] = all["_posts/2020-01-01-p.md"] ?? HighlightSiteTests.post
        let site = try TemporaryFolder(all)
        let run = try Publish.run(["build", "--source", site.url.path, "--format", "html"])
        return (run.status, run.stderr, site.read("_site/2020/01/01/p.html") ?? "",
                site.read("_site/assets/publish/theme.css") ?? "")
    }

    @Test("A Jekyll site's code gets Rouge's classes inside kramdown's markup")
    func jekyll() throws {
        let built = try build(["_config.yml": "title: S\n", "_layouts/post.html": "{{ content }}"])
        #expect(built.status == 0, "\(built.stderr)")
        #expect(built.page.hasPrefix("<div class=\"language-go highlighter-rouge\"><div class=\"highlight\"><pre class=\"highlight\"><code><span class=\""),
                "\(built.page)")
    }

    @Test("The built-in theme colours code light and dark, from the palettes the site names")
    func palettes() throws {
        let standard = try build(["publish.yml": "site:\n  title: S\n"])
        #expect(standard.status == 0, "\(standard.stderr)")
        #expect(standard.page.contains("<pre class=\"highlight\"><code class=\"language-go\"><span class="))
        #expect(standard.css.contains(".highlight { background: #f6f8fa;"))
        #expect(standard.css.contains("@media (prefers-color-scheme: dark) {\n  .highlight { background: #161b22;"))
        let chosen = try build(["publish.yml": "site:\n  title: S\n  highlight: {palette: solarized-light, dark_palette: monokai}\n"])
        #expect(chosen.status == 0, "\(chosen.stderr)")
        #expect(chosen.css.contains(".highlight { background: #fdf6e3;"))
        #expect(chosen.css.contains("  .highlight { background: #272822;"))
    }

    @Test("A palette no one has is an error at its key, naming those there are")
    func unknownPalette() throws {
        let built = try build(["_config.yml": "title: S\nhighlight:\n  palette: nord\n"])
        #expect(built.status == 1)
        #expect(built.stderr.contains("_config.yml:2:1: error: `highlight: palette:` is 'nord', which is not a palette; there are github, "),
                "\(built.stderr)")
    }

    @Test("`highlight: false` for the site, kramdown's own switch, or a post's front matter: plain code")
    func off() throws {
        for files in [["_config.yml": "highlight: false\n"],
                      ["_config.yml": "kramdown:\n  syntax_highlighter: null\n", "_layouts/post.html": "{{ content }}"],
                      ["_config.yml": "kramdown:\n  syntax_highlighter_opts: {disable: true}\n", "_layouts/post.html": "{{ content }}"],
                      ["_posts/2020-01-01-p.md": "---\ntitle: T\nhighlight: false\n---\n```go\nfunc main() {}\n```\n"]] {
            let built = try build(files)
            #expect(built.status == 0, "\(built.stderr)")
            #expect(built.page.contains("<code>func main() {}\n</code>") || built.page.contains("\">func main() {}\n</code>"),
                    "\(files): \(built.page)")
        }
    }

    @Test("kramdown's block line_numbers, or the site's, number the lines")
    func lineNumbers() throws {
        let kramdown = try build(["_config.yml": "kramdown:\n  syntax_highlighter_opts:\n    block: {line_numbers: true}\n",
                                  "_layouts/post.html": "{{ content }}"])
        #expect(kramdown.page.contains("<table class=\"rouge-table\"><tbody><tr><td class=\"gutter gl\"><pre class=\"lineno\">1\n</pre>"),
                "\(kramdown.page)")
        let own = try build(["publish.yml": "site:\n  highlight: {line_numbers: true}\n"])
        #expect(own.page.contains("<div class=\"highlight numbered\"><table class=\"rouge-table\">"), "\(own.page)")
    }

    @Test("{% highlight %} in a Liquid HTML page writes Rouge's figure there, as Jekyll's tag does")
    func tagInHTMLPage() throws {
        let site = try TemporaryFolder([
            "_config.yml": "title: S\n", "_layouts/default.html": "<main>{{ content }}</main>\n",
            "code.html": "---\nlayout: default\n---\n{% highlight go linenos %}\nfunc main() {}\n{% endhighlight %}\n",
        ])
        let run = try Publish.run(["build", "--source", site.url.path, "--format", "html"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(site.read("_site/code.html") == """
            <main><figure class="highlight"><pre><code class="language-go" data-lang="go"><table class="rouge-table">\
            <tbody><tr><td class="gutter gl"><pre class="lineno">1
            </pre></td><td class="code"><pre><span class="k">func</span> <span class="n">main</span>\
            <span class="p">()</span> <span class="p">{}</span>
            </pre></td></tr></tbody></table></code></pre></figure>
            </main>

            """)
    }

    @Test("A language no lexer knows: plain code, a note with --verbose, nothing without")
    func unknownLanguage() throws {
        let site = try TemporaryFolder(["publish.yml": "site:\n  title: S\n",
                                        "_posts/2020-01-01-p.md": "---\ntitle: T\n---\n```klingon\nx\n```\n"])
        let quiet = try Publish.run(["build", "--source", site.url.path, "--format", "html", "--no-cache"])
        #expect(quiet.status == 0 && !quiet.stderr.contains("klingon"), "\(quiet.stderr)")
        let verbose = try Publish.run(["build", "--source", site.url.path, "--format", "html", "--verbose"])
        #expect(verbose.stderr.contains("_posts/2020-01-01-p.md:4:1: note: no lexer knows the language `klingon`"),
                "\(verbose.stderr)")
        #expect(site.read("_site/2020/01/01/p.html")?.contains("<pre><code class=\"language-klingon\">x\n</code></pre>") == true)
    }

    @Test("publish highlight writes Rouge's markup; --list names the languages; an unknown one is an error")
    func command() throws {
        let run = try Publish.run(["highlight", "--language", "golang"], stdin: "func main() {}\n")
        #expect(run.status == 0)
        #expect(run.stdout.contains("<span class=") && run.stdout.contains(">main</span>"), "\(run.stdout)")
        let list = try Publish.run(["highlight", "--list"])
        #expect(list.stdout.contains("go: go, golang\n") && list.stdout.contains("shell: bash, ksh, sh, shell, zsh\n"),
                "\(list.stdout)")
        #expect(list.stdout.split(separator: "\n").count >= 30)
        let unknown = try Publish.run(["highlight", "-l", "klingon"], stdin: "x")
        #expect(unknown.status == 1 && unknown.stderr.contains("<stdin>:1:1: error: no lexer for the language `klingon`"))
    }
}
