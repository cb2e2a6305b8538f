import Foundation
import TestSupport
import Testing

@Suite("publish build")
struct BuildCommandTests {
    /// A site folder with `files`, removed after the test.
    final class Site: TemporaryFolder, @unchecked Sendable {
        func build(_ arguments: [String] = []) throws -> Publish.Run {
            try Publish.run(["build", "--source", url.path] + arguments)
        }
    }

    @Test("A Jekyll site builds with no pipeline file: posts at their permalinks, index, archive, categories")
    func jekyllSiteBuilds() throws {
        let site = try Site([
            "_config.yml": "title: My Blog\npermalink: /:year/:title/\n",
            "_posts/2014-06-16-hello.md": "---\ntitle: Hello\ncategory: notes\ntags: [a]\n---\nHi *there*.\n",
            "images/x.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
        ])
        let run = try site.build()
        #expect(run.status == 0, "\(run.stderr)")
        #expect(site.read("_site/2014/hello/index.html")?.contains("<p>Hi <em>there</em>.</p>") == true)
        for page in ["_site/index.html", "_site/archive/index.html", "_site/categories/notes/index.html",
                     "_site/tags/a/index.html", "_site/images/x.svg"] {
            #expect(site.exists(page), "\(page) is missing")
        }
    }

    @Test("A missing image is warned of once, where the post names it, though the site and the book both miss it")
    func missingImageOnce() throws {
        let site = try Site([
            "publish.yml": "site:\n  title: T\n  url: https://example.org\n",
            "_posts/2020-01-01-p.md": "---\ntitle: P\n---\n![A cat](missing.png)\n",
        ])
        let run = try site.build()
        #expect(run.status == 0, "\(run.stderr)")
        let warnings = run.stderr.split(separator: "\n").filter { $0.contains("missing.png") }
        #expect(warnings == ["_posts/2020-01-01-p.md:4:1: warning: this image points at missing.png, which is not a file of the site"],
                "\(run.stderr)")
        #expect(site.exists("_site/book.epub"))
    }

    @Test("The built-in theme's navigation: the pages with a title (not the home, 404 or untitled ones), the archive, the feed")
    func navigation() throws {
        let site = try Site([
            "_posts/2014-06-16-hello.md": "Hi\n",
            "about.md": "---\ntitle: About\n---\nMe\n",
            "notes.md": "---\n---\nUntitled\n",
            "index.md": "---\ntitle: Home\n---\nWelcome\n",
            "404.md": "---\ntitle: Not found\n---\nLost\n",
        ])
        let run = try site.build(["--format", "html", "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let page = try #require(site.read("_site/about.html"))
        let start = try #require(page.range(of: "<nav class=\"site-nav\">\n"))
        let end = try #require(page.range(of: "</nav>", range: start.upperBound..<page.endIndex))
        #expect(page[start.upperBound..<end.lowerBound]
                == "<a href=\"/about.html\">About</a>\n<a href=\"/archive/\">Archive</a>\n<a href=\"/feed.xml\">Feed</a>\n")
    }

    @Test("A site that names no language is in its posts' titles' one; an English post keeps its own lang")
    func judgedLanguage() throws {
        let site = try Site([
            "_posts/2020-01-01-a.md": "---\ntitle: 中文排版\n---\n正文\n",
            "_posts/2020-01-02-b.md": "---\ntitle: 写作工具\n---\n正文\n",
            "_posts/2020-01-03-c.md": "---\ntitle: Notes\nlang: en\n---\nText\n",
        ])
        let run = try site.build(["--format", "html", "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let index = try #require(site.read("_site/index.html"))
        #expect(index.hasPrefix("<!DOCTYPE html>\n<html lang=\"zh\">"), "\(index.prefix(80))")
        #expect(index.contains(">归档</a>"))
        #expect(site.read("_site/2020/01/03/c.html")?.contains("<html lang=\"en\">") == true)
    }

    @Test("Labels in traditional Chinese for locale zh_TW, in Korean for ko, and as publish.yml words them")
    func labels() throws {
        let traditional = try Site(["_config.yml": "locale: zh_TW\n", "_posts/2020-01-01-a.md": "Text\n"])
        #expect(try traditional.build(["--format", "html", "--quiet"]).status == 0)
        #expect(traditional.read("_site/index.html")?.contains(">歸檔</a>") == true)
        let korean = try Site(["_config.yml": "lang: ko\n", "_posts/2020-01-01-a.md": "Text\n"])
        #expect(try korean.build(["--format", "html", "--quiet"]).status == 0)
        #expect(korean.read("_site/index.html")?.contains(">보관함</a>") == true)
        let worded = try Site([
            "_config.yml": "lang: zh\n", "_posts/2020-01-01-a.md": "---\ncategory: 技术\n---\nText\n",
            "publish.yml": "outputs:\n  html:\n    labels:\n      archive: 全部文章\n      minutes: \"{n} 分钟读完\"\n      category: \"{name} 类\"\n",
        ])
        let run = try worded.build(["--format", "html", "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let index = try #require(worded.read("_site/index.html"))
        #expect(index.contains(">全部文章</a>") && index.contains("1 分钟读完"), "\(index)")
        #expect(worded.read("_site/categories/技术/index.html")?.contains("技术 类") == true)
        let bad = try Site(["_posts/2020-01-01-a.md": "Text\n", "publish.yml": "outputs:\n  html:\n    labels:\n      archiv: x\n"])
        let refused = try bad.build(["--format", "html", "--quiet"])
        #expect(refused.status != 0 && refused.stderr.contains("archiv"), "\(refused.stderr)")
    }

    @Test("A category's page is paginated like the index, with links between its pages")
    func termPagination() throws {
        var files: [String: String] = ["publish.yml": "outputs:\n  html:\n    paginate: 2\n"]
        for day in 1...5 { files["_posts/2020-01-0\(day)-p\(day).md"] = "---\ntitle: P\(day)\ncategory: notes\n---\nText\n" }
        let site = try Site(files)
        let run = try site.build(["--format", "html", "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let first = try #require(site.read("_site/categories/notes/index.html"))
        #expect(first.contains(">P5</a>") && first.contains(">P4</a>") && !first.contains(">P3</a>"))
        #expect(first.contains("href=\"/categories/notes/page/2/\""), "\(first)")
        let last = try #require(site.read("_site/categories/notes/page/3/index.html"))
        #expect(last.contains(">P1</a>") && last.contains("href=\"/categories/notes/page/2/\""))
    }

    @Test("A folder that is no site is refused before anything is read or written in it")
    func folderThatIsNoSite() throws {
        let folder = try Site(["notes/todo.md": "# Things\n", "other/_site/old.html": "x"])
        let run = try folder.build()
        #expect(run.status == 1)
        #expect(run.stderr.contains("error: this folder is not a site: it has no _config.yml, publish.yml or _posts folder"))
        #expect(!folder.exists("_site"))
        #expect(!folder.exists(".publish-cache"))
    }

    @Test("In a home-like folder a build takes the site's posts only: not another site's, node_modules', .git's or hidden ones; fast and small")
    func homeLikeTree() throws {
        var files: [String: String] = ["_config.yml": "title: Mine\n", "_posts/2020-01-01-mine.md": "Mine\n"]
        // Thousands of posts and pages that are not this site's, where a careless walk would find them.
        for index in 0..<1_000 {
            let post = String(format: "2020-01-%02d-p%d.md", index % 28 + 1, index)
            files["projects/blog/_posts/\(post)"] = "Other\n"
            files["node_modules/pkg/_posts/\(post)"] = "Dependency\n"
            files[".git/objects/_posts/\(post)"] = "Hidden\n"
            files[".cache/notes/p\(index).md"] = "---\ntitle: Hidden page\n---\nx\n"
        }
        files["projects/blog/_config.yml"] = "title: Another site\n"
        let site = try Site(files)
        let cost = try Publish.measure(["build", "--source", site.url.path, "--format", "html", "--quiet"])
        #expect(cost.status == 0)
        #expect(site.exists("_site/2020/01/01/mine.html"))
        #expect(!site.exists("_site/projects") && !site.exists("_site/node_modules") && !site.exists("_site/.git"))
        let pages = try FileManager.default.subpathsOfDirectory(atPath: site.url.appendingPathComponent("_site").path)
            .filter { $0.hasSuffix(".html") }
        #expect(pages.count < 10, "\(pages)")
        // Bounds ten times what the build takes on a loaded two-core machine.
        #expect(cost.seconds < 20, "\(cost.seconds) s")
        #expect(cost.peakMegabytes < 300, "\(cost.peakMegabytes) MB")
    }

    @Test("In an empty folder a build is refused at once, writing nothing, in little memory")
    func emptyFolder() throws {
        let folder = try Site([:])
        let cost = try Publish.measure(["build", "--source", folder.url.path])
        #expect(cost.status == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).isEmpty)
        #expect(cost.seconds < 10 && cost.peakMegabytes < 200, "\(cost.seconds) s, \(cost.peakMegabytes) MB")
    }

    @Test("A post with broken front matter fails the build at its line, and the other pages are built")
    func brokenPostFailsButOthersBuild() throws {
        let site = try Site([
            "_posts/2014-06-16-bad.md": "---\ntitle: [unclosed\n---\nA\n",
            "_posts/2014-06-17-good.md": "Good\n",
        ])
        let run = try site.build()
        #expect(run.status == 1)
        #expect(run.stderr.contains("_posts/2014-06-16-bad.md:3:1: error: invalid YAML in front matter"))
        #expect(site.exists("_site/2014/06/17/good.html"))
    }

    @Test("An unknown key in publish.yml is an error at its line, naming the nearest valid key")
    func unknownPipelineKey() throws {
        let site = try Site(["publish.yml": "outputs:\n  html:\n    paginat: 5\n", "_posts/2014-06-16-a.md": "A\n"])
        let run = try site.build()
        #expect(run.status == 1)
        #expect(run.stderr.contains("publish.yml") && run.stderr.contains("`paginat`")
                && run.stderr.contains("did you mean `paginate`?"), "\(run.stderr)")
    }

    @Test("A misspelt section of publish.yml is located")
    func unknownSectionLocated() throws {
        let site = try Site(["publish.yml": "site:\n  title: x\nstagse: []\n"])
        let run = try site.build()
        #expect(run.stderr.hasPrefix("publish.yml:3:1: error: unknown section `stagse` (did you mean `stages`?)"),
                "\(run.stderr)")
    }

    @Test("A build that fails to start leaves the previous site as it was")
    func failedBuildKeepsPreviousSite() throws {
        let site = try Site(["_site/old.html": "old", "publish.yml": "outputs:\n  html:\n    paginate: zero\n"])
        let run = try site.build()
        #expect(run.status == 1)
        #expect(site.read("_site/old.html") == "old")
    }

    @Test("The replaced site is kept in .publish-cache, so the source folder holds only _site and the cache")
    func previousSiteInsideCache() throws {
        let site = try Site(["_posts/2014-06-16-a.md": "A\n"])
        #expect(try site.build().status == 0)
        #expect(try site.build().status == 0)
        #expect(site.exists(".publish-cache/_site.previous/2014/06/16/a.html"))
        #expect(!site.exists("._site.previous") && !site.exists("._site.staging"))
        #expect(try site.build(["--no-cache"]).status == 0)
        #expect(site.exists("._site.previous/2014/06/16/a.html"), "with no cache it is kept beside _site, as before")
        #expect(try site.build().status == 0)
        #expect(!site.exists("._site.previous"), "the next build with the cache removes the one beside")
    }

    @Test("A build replaces the previous site whole: stale files are gone")
    func rebuildReplacesWhole() throws {
        let site = try Site(["_site/stale.html": "stale", "_posts/2014-06-16-a.md": "A\n"])
        #expect(try site.build().status == 0)
        #expect(!site.exists("_site/stale.html") && site.exists("_site/2014/06/16/a.html"))
    }

    @Test("A build killed midway leaves either the previous site or the new one, never a mixture")
    func killedBuildLeavesWholeSite() throws {
        var files = ["_site/marker.html": "previous"]
        for day in 1...28 {
            for month in 1...12 {
                files[String(format: "_posts/2014-%02d-%02d-post.md", month, day)] =
                    String(repeating: "A paragraph of *text* with [a link](https://example.org).\n\n", count: 40)
            }
        }
        let site = try Site(files)
        let process = Process()
        process.executableURL = Publish.executable
        process.arguments = ["build", "--source", site.url.path, "--quiet"]
        try process.run()
        usleep(150_000)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let previous = site.read("_site/marker.html") == "previous"
        let complete = site.exists("_site/2014/12/28/post.html") && site.exists("_site/index.html")
        #expect(previous != complete, "the output folder is a mixture of two builds")
    }

    @Test("An output folder inside the site is not copied into the next build")
    func outputInsideSourceNotCopied() throws {
        let site = try Site(["_posts/2014-06-16-a.md": "A\n", "images/x.svg": "<svg/>"])
        #expect(try site.build(["--output", site.url.appendingPathComponent("public").path]).status == 0)
        #expect(try site.build(["--output", site.url.appendingPathComponent("public").path]).status == 0)
        #expect(site.exists("public/images/x.svg") && !site.exists("public/public"))
    }

    @Test("A bad site key is located in whichever file set it")
    func siteKeyLocated() throws {
        let pipeline = try Site(["publish.yml": "site:\n  timezone: Mars/Base\n"])
        #expect(try pipeline.build().stderr.hasPrefix("publish.yml:2:3: error: `timezone` is 'Mars/Base'"))
        let jekyll = try Site(["_config.yml": "title: x\npermalink: /:yaer/\n"])
        #expect(try jekyll.build().stderr.hasPrefix("_config.yml:2:1: error: the permalink '/:yaer/' has an unknown placeholder"))
    }

    @Test("source.posts names the posts folder; markdown.raw_html applies to the site's pages")
    func sourceAndRawHTML() throws {
        let site = try Site([
            "publish.yml": "source:\n  posts: articles\nmarkdown:\n  raw_html: escape\n",
            "articles/2014-06-16-a.md": "A <b>bold</b> claim\n",
        ])
        #expect(try site.build().status == 0)
        #expect(site.read("_site/2014/06/16/a.html")?.contains("<p>A &lt;b&gt;bold&lt;/b&gt; claim</p>") == true)
    }

    @Test("A Jekyll-style zh_CN is read as the tag zh-CN; a language that is no tag is an error at its line")
    func siteLanguage() throws {
        let underscore = try Site(["_config.yml": "lang: zh_CN\n", "_posts/2014-06-16-a.md": "A\n"])
        #expect(try underscore.build().status == 0)
        #expect(underscore.read("_site/index.html")?.contains("<html lang=\"zh-CN\">") == true)
        let word = try Site(["_config.yml": "title: x\nlang: 简体中文\n"])
        #expect(try word.build().stderr.hasPrefix("_config.yml:2:1: error: `lang` is '简体中文', which is not a language tag"))
    }

    @Test("A post whose permalink takes the home page is an error naming both; the home page and the rest are built")
    func postTakingTheHomePage() throws {
        let site = try Site([
            "_posts/2014-06-16-home.md": "---\ntitle: Home?\npermalink: \"\"\n---\nMine\n",
            "_posts/2014-06-17-other.md": "Other\n",
            "images/x.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
        ])
        let run = try site.build(["--format", "html"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("_posts/2014-06-16-home.md:3:12: error: _posts/2014-06-16-home.md and publish's home page both write index.html; this one is left out"),
                "\(run.stderr)")
        #expect(site.read("_site/index.html")?.contains("<ul class=\"post-list\">") == true)
        #expect(site.exists("_site/2014/06/17/other.html"))
        #expect(site.exists("_site/images/x.svg"))
    }

    @Test("A folder named like a post is a warning, not a silent skip")
    func folderNamedLikeAPost() throws {
        let site = try Site(["_posts/2014-06-16-a.md/notes.txt": "x", "_posts/2014-06-17-b.md": "B\n"])
        let run = try site.build(["--format", "html"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("_posts/2014-06-16-a.md: warning: this is a folder named like a post; a post is a file, so it is not one"),
                "\(run.stderr)")
        #expect(site.exists("_site/2014/06/17/b.html"))
    }
}
