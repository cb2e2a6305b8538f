import Foundation
import TestSupport
import Testing

/// `.scss` and `.sass` files with front matter compiled to CSS through
/// libsass, as jekyll-sass-converter compiles them.
@Suite("Sass")
struct SassTests {
    final class Site: TemporaryFolder, @unchecked Sendable {
        func build() throws -> Publish.Run {
            try Publish.run(["build", "--source", url.path, "--format", "html"])
        }
    }

    @Test("An .scss file with front matter becomes CSS, with @import from _sass, Liquid first, and a source map")
    func compiles() throws {
        let site = try Site([
            "_config.yml": "accent: \"#c00\"\n",
            "_posts/2020-01-01-x.md": "X\n",
            "_sass/_base.scss": "$gap: 4px;\nbody { margin: $gap * 2; }\n",
            "assets/style.scss": "---\n---\n@import \"base\";\na { color: {{ site.accent }}; b { c: d; } }\n",
            "assets/plain.scss": "$not: compiled;\n",
        ])
        let run = try site.build()
        #expect(run.status == 0, "\(run.stderr)")
        #expect(site.read("_site/assets/style.css") == """
            body { margin: 8px; }

            a { color: #c00; }

            a b { c: d; }

            /*# sourceMappingURL=style.css.map */
            """)
        #expect(site.read("_site/assets/style.css.map")?.contains("\"mappings\"") == true)
        // Without front matter it is a static file, copied as it is.
        #expect(site.read("_site/assets/plain.scss") == "$not: compiled;\n")
        #expect(!site.exists("_site/assets/style.scss"))
    }

    @Test("A Sass error is located at its line of the file, front matter counted; the rest is built")
    func errorLocated() throws {
        let site = try Site([
            "_posts/2020-01-01-x.md": "X\n",
            "bad.scss": "---\ntitle: x\n---\na {\n  color: $missing;\n}\n",
        ])
        let run = try site.build()
        #expect(run.status == 1)
        #expect(run.stderr.contains("bad.scss:5:10: error: Sass: Undefined variable: \"$missing\"."), "\(run.stderr)")
        #expect(site.exists("_site/2020/01/01/x.html"))
    }

    @Test("An @import that leads out of the site, by .. or a link, is an error and nothing outside is read")
    func importOutside() throws {
        let outside = try TemporaryFolder(["_secret.scss": "secret { x: y; }\n"])
        let site = try Site([
            "_posts/2020-01-01-x.md": "X\n",
            "up.scss": "---\n---\n@import \"../\(outside.url.lastPathComponent)/secret\";\n",
            "linked.scss": "---\n---\n@import \"leak\";\n",
        ])
        try FileManager.default.createSymbolicLink(at: site.url.appendingPathComponent("_leak.scss"),
                                                   withDestinationURL: outside.url.appendingPathComponent("_secret.scss"))
        let run = try site.build()
        #expect(run.status == 1)
        #expect(run.stderr.contains("leads outside the site, so it is not read"), "\(run.stderr)")
        #expect(!(site.read("_site/up.css") ?? "").contains("secret"))
        #expect(!(site.read("_site/linked.css") ?? "").contains("secret"))
    }
}
