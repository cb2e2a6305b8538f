import Foundation
import TestSupport
import Testing

/// `theme: NAME` in `_config.yml`: the gem's layouts, includes, Sass and
/// assets, found where Ruby finds gems, the site's own files winning.
@Suite("Theme gems")
struct ThemeGemTests {
    final class Site: TemporaryFolder, @unchecked Sendable {
        func build(gems: URL) throws -> Publish.Run {
            try Publish.run(["build", "--source", url.path, "--format", "html"], environment: ["GEM_HOME": gems.path])
        }
    }

    /// A gem folder holding `tiny-1.0.0` and an older `tiny-0.9.0`.
    static func gems() throws -> TemporaryFolder {
        try TemporaryFolder([
            "gems/tiny-1.0.0/_layouts/default.html": "<body>{{ content }}{% include foot.html %}</body>",
            "gems/tiny-1.0.0/_layouts/post.html": "---\nlayout: default\n---\n<h1>{{ page.title }}</h1>{{ content }}",
            "gems/tiny-1.0.0/_includes/foot.html": "<footer>tiny</footer>",
            "gems/tiny-1.0.0/_sass/tiny.scss": "$ink: #123;\nbody { color: $ink; }\n",
            "gems/tiny-1.0.0/assets/main.scss": "---\n---\n@import \"tiny\";\n",
            "gems/tiny-1.0.0/assets/logo.svg": "<svg/>",
            "gems/tiny-0.9.0/_layouts/default.html": "OLD {{ content }}",
        ])
    }

    @Test("The newest installed version's layouts, includes, Sass and assets build the site")
    func themeBuilds() throws {
        let gems = try ThemeGemTests.gems()
        let site = try Site(["_config.yml": "theme: tiny\n", "_posts/2020-01-01-hi.md": "---\ntitle: Hi\nlayout: post\n---\nText\n"])
        let run = try site.build(gems: gems.url)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(site.read("_site/2020/01/01/hi.html") == "<body><h1>Hi</h1><p>Text</p>\n<footer>tiny</footer></body>")
        #expect(site.read("_site/assets/main.css")?.hasPrefix("body { color: #123; }") == true)
        #expect(site.read("_site/assets/logo.svg") == "<svg/>")
    }

    @Test("The site's own layout, include and asset replace the theme's")
    func siteOverrides() throws {
        let gems = try ThemeGemTests.gems()
        let site = try Site([
            "_config.yml": "theme: tiny\n", "_posts/2020-01-01-hi.md": "---\ntitle: Hi\nlayout: post\n---\nText\n",
            "_includes/foot.html": "<footer>mine</footer>", "assets/logo.svg": "<svg id=\"mine\"/>",
            "_sass/tiny.scss": "body { color: red; }\n",
        ])
        let run = try site.build(gems: gems.url)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(site.read("_site/2020/01/01/hi.html")?.contains("<footer>mine</footer>") == true)
        #expect(site.read("_site/assets/logo.svg") == "<svg id=\"mine\"/>")
        #expect(site.read("_site/assets/main.css")?.hasPrefix("body { color: red; }") == true)
    }

    @Test("A theme that is not installed is a warning, and the built-in theme builds the site")
    func missingTheme() throws {
        let gems = try ThemeGemTests.gems()
        let site = try Site(["_config.yml": "theme: nowhere-theme\n", "_posts/2020-01-01-hi.md": "Text\n"])
        let run = try site.build(gems: gems.url)
        #expect(run.status == 0)
        #expect(run.stderr.contains("_config.yml: warning: the theme nowhere-theme is not installed where Ruby would find it"),
                "\(run.stderr)")
        #expect(site.read("_site/2020/01/01/hi.html")?.contains("<article class=\"post\"") == true)
    }
}
