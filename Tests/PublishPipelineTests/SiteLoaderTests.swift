import Foundation
import PublishAST
import PublishPipeline
import Testing

@Suite("Loading a site")
struct SiteLoaderTests {
    @Test("Posts are found under _posts, to any depth, and sorted oldest first")
    func postsFoundAndSorted() throws {
        let folder = try SiteFolder([
            "_posts/2015-01-01-second.md": "Two\n",
            "_posts/2014/2014-06-16-first.md": "One\n",
            "about.md": "Not a post\n",
        ])
        let site = try folder.load().site
        #expect(site.posts.map(\.sourcePath) == ["_posts/2014/2014-06-16-first.md", "_posts/2015-01-01-second.md"])
    }

    @Test("A folder holding a site of its own is left out, with a warning")
    func nestedSiteLeftOut() throws {
        let folder = try SiteFolder([
            "_posts/2015-01-01-mine.md": "Mine\n",
            "other/_config.yml": "title: Other\n",
            "other/_posts/2015-01-02-theirs.md": "Theirs\n",
            "other/page.md": "---\ntitle: P\n---\nP\n",
        ])
        let (site, diagnostics) = try folder.load()
        #expect(site.posts.map(\.sourcePath) == ["_posts/2015-01-01-mine.md"])
        #expect(diagnostics.map(\.description) == ["other: warning: this folder is a site of its own (it has _config.yml); it is not part of this build"])
    }

    @Test("A post gets the URL of Jekyll's default permalink")
    func defaultPermalink() throws {
        let folder = try SiteFolder(["_posts/2014-06-16-hello.md": "---\ncategory: Notes\n---\nHi\n"])
        let post = try #require(try folder.load().site.posts.first)
        #expect(post.url == "/notes/2014/06/16/hello.html")
        #expect(post.outputPath == "notes/2014/06/16/hello.html")
    }

    @Test("Posts in blog/_posts get the category blog")
    func folderCategory() throws {
        let folder = try SiteFolder(["blog/_posts/2014-06-16-hello.md": "Hi\n"])
        let post = try #require(try folder.load().site.posts.first)
        #expect(post.metadata.categories == ["blog"])
        #expect(post.url == "/blog/2014/06/16/hello.html")
    }

    @Test("A file in _posts without a dated name is warned about and skipped")
    func undatedFileWarned() throws {
        let folder = try SiteFolder(["_posts/notes.md": "Hi\n", "_posts/2014-06-16-ok.md": "Ok\n"])
        let (site, diagnostics) = try folder.load()
        #expect(site.posts.count == 1)
        #expect(diagnostics.map(\.description) == ["_posts/notes.md: warning: a post's file name is YYYY-MM-DD-slug.md; skipped"])
    }

    @Test("published: false leaves a post out")
    func unpublishedLeftOut() throws {
        let folder = try SiteFolder(["_posts/2014-06-16-hidden.md": "---\npublished: false\n---\nHi\n"])
        #expect(try folder.load().site.posts.isEmpty)
    }

    @Test("A post dated in the future is left out unless asked for")
    func futureLeftOut() throws {
        let folder = try SiteFolder(["_posts/2099-01-01-later.md": "Hi\n"])
        #expect(try folder.load().site.posts.isEmpty)
        #expect(try folder.load(future: true).site.posts.count == 1)
    }

    @Test("Drafts are read only when asked for, dated by front matter")
    func drafts() throws {
        let folder = try SiteFolder(["_drafts/idea.md": "---\ndate: 2020-02-02\n---\nMaybe\n"])
        #expect(try folder.load().site.posts.isEmpty)
        let post = try #require(try folder.load(drafts: true).site.posts.first)
        #expect(post.isDraft && post.url == "/2020/02/02/idea.html")
    }

    @Test("Two posts with one permalink: an error naming both, and the first is kept")
    func repeatedPermalink() throws {
        let folder = try SiteFolder([
            "_posts/2014-06-16-a.md": "---\npermalink: /same/\n---\nA\n",
            "_posts/2014-06-17-b.md": "---\npermalink: /same/\n---\nB\n",
        ])
        let (site, diagnostics) = try folder.load()
        #expect(site.posts.map(\.sourcePath) == ["_posts/2014-06-16-a.md"])
        #expect(diagnostics.map(\.description)
            == ["_posts/2014-06-17-b.md:2:12: error: this post has the same permalink, /same/, as _posts/2014-06-16-a.md"])
    }

    @Test("A permalink that leads out of the output folder is an error at its line and column, the post left out")
    func escapingPermalink() throws {
        let folder = try SiteFolder([
            "_posts/2014-06-16-a.md": "---\ntitle: A\n'permalink':   /../../etc/x\n---\nA\n",
            "_posts/2014-06-17-b.md": "B\n",
        ])
        let (site, diagnostics) = try folder.load()
        #expect(site.posts.map(\.sourcePath) == ["_posts/2014-06-17-b.md"])
        #expect(diagnostics.map(\.description)
            == ["_posts/2014-06-16-a.md:3:16: error: the permalink '/../../etc/x' leads outside the output folder"])
    }

    @Test("A post whose file name is not UTF-8 is a warning showing the bad bytes; the others load")
    func fileNameNotUTF8() throws {
        let folder = try SiteFolder(["_posts/2014-06-17-b.md": "B\n"])
        let name = Array((folder.url.path + "/_posts/2014-06-16-a").utf8) + [0xFF, 0xFE] + Array(".md".utf8) + [0]
        let descriptor = name.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_CREAT | O_WRONLY, 0o644) }
        }
        try #require(descriptor >= 0)
        close(descriptor)
        let (site, diagnostics) = try folder.load()
        #expect(site.posts.map(\.sourcePath) == ["_posts/2014-06-17-b.md"])
        #expect(diagnostics.map(\.description)
            == ["_posts/2014-06-16-a\\xFF\\xFE.md: warning: this file name is not valid UTF-8, so it is left out; rename it"])
    }

    @Test("A post with bad front matter is reported with its line, and the others still load")
    func badPostReported() throws {
        let folder = try SiteFolder([
            "_posts/2014-06-16-bad.md": "---\ntitle: [unclosed\n---\nA\n",
            "_posts/2014-06-17-good.md": "Good\n",
        ])
        let (site, diagnostics) = try folder.load()
        #expect(site.posts.map(\.sourcePath) == ["_posts/2014-06-17-good.md"])
        #expect(diagnostics.count == 1 && diagnostics[0].description.hasPrefix("_posts/2014-06-16-bad.md:3:1: error: invalid YAML"))
    }

    @Test("A permalink that climbs out of the site is an error")
    func permalinkTraversal() throws {
        let folder = try SiteFolder(["_posts/2014-06-16-a.md": "---\npermalink: /../../etc/x\n---\nA\n"])
        let (site, diagnostics) = try folder.load()
        #expect(site.posts.isEmpty)
        #expect(diagnostics.first?.severity == .error)
    }

    @Test("The excerpt is the first paragraph by default")
    func excerptFirstParagraph() throws {
        let folder = try SiteFolder(["_posts/2014-06-16-a.md": "# Title\n\nFirst para.\n\nSecond.\n"])
        let post = try #require(try folder.load().site.posts.first)
        #expect(post.excerpt.children(of: post.excerpt.root).map { post.excerpt.kind(of: $0) } == [.block(.paragraph)])
    }

    @Test("With an excerpt separator, the excerpt is what comes before it")
    func excerptSeparator() throws {
        var config = SiteConfig()
        config.excerptSeparator = "<!--more-->"
        let folder = try SiteFolder(["_posts/2014-06-16-a.md": "One.\n\nTwo <!--more--> three.\n\nFour.\n"])
        let post = try #require(try folder.load(config: config).site.posts.first)
        let excerpt = post.excerpt
        let texts = excerpt.events().compactMap { event -> String? in
            guard case .enter(let node) = event, case .inline(.text(let text)) = excerpt.kind(of: node) else { return nil }
            return text
        }
        #expect(texts == ["One.", "Two "])
    }

    @Test("Categories and tags are grouped in order of first appearance")
    func taxonomies() throws {
        let folder = try SiteFolder([
            "_posts/2014-06-16-a.md": "---\ncategories: [x, y]\ntags: t\n---\nA\n",
            "_posts/2014-06-17-b.md": "---\ncategories: y\n---\nB\n",
        ])
        let site = try folder.load().site
        #expect(site.categories.map(\.name) == ["x", "y"])
        #expect(site.categories[1].posts == [0, 1])
        #expect(site.tags.map(\.name) == ["t"])
    }
}

@Suite("Jekyll's Liquid and links between posts")
struct JekyllCompatibilityTests {
    func html(of path: String, in files: [String: String], config: SiteConfig = SiteConfig()) throws
        -> (String, [Diagnostic]) {
        let folder = try SiteFolder(files)
        let (site, diagnostics) = try folder.load(config: config)
        let post = try #require(site.posts.first { $0.sourcePath == path })
        var texts: [String] = []
        for case .enter(let node) in post.document.events() {
            switch post.document.kind(of: node) {
            case .inline(.link(let destination, _)): texts.append("link:" + destination)
            case .inline(.image(let source, _)): texts.append("image:" + source)
            case .inline(.text(let text)): texts.append(text)
            case .inline(.code(let code)): texts.append("code:" + code)
            case .block(.codeBlock(let info, let code)): texts.append("code[\(info)]:" + code)
            default: break
            }
        }
        return (texts.joined(separator: "|"), diagnostics)
    }

    @Test("post_url gives the other post's URL")
    func postURL() throws {
        let (text, _) = try html(of: "_posts/2015-01-01-b.md", in: [
            "_posts/2014-06-16-a.md": "A\n",
            "_posts/2015-01-01-b.md": "See [a]({% post_url 2014-06-16-a %}).\n",
        ])
        #expect(text == "See |link:/2014/06/16/a.html|a|.")
    }

    @Test("An unknown post_url is a warning at its line and column, and the post is still built")
    func unknownPostURL() throws {
        let (text, diagnostics) = try html(of: "_posts/2015-01-01-b.md", in: [
            "_posts/2015-01-01-b.md": "---\ntitle: B\n---\nSee [it]({% post_url nope %}).\n",
        ])
        #expect(text == "See |link:nope|it|.")
        #expect(diagnostics.map(\.description).first?.hasPrefix("_posts/2015-01-01-b.md:4:10: warning: `{% post_url nope %}`") == true)
    }

    @Test("link gives a page's or post's URL by its source path")
    func linkTag() throws {
        let (text, _) = try html(of: "_posts/2015-01-01-b.md", in: [
            "about.md": "---\ntitle: About\npermalink: /about/\n---\nMe\n",
            "_posts/2015-01-01-b.md": "[me]({% link about.md %})\n",
        ])
        #expect(text == "link:/about/|me")
    }

    @Test("link gives a static file's URL too")
    func linkToStaticFile() throws {
        let (text, diagnostics) = try html(of: "_posts/2015-01-01-b.md", in: [
            "files/paper.pdf": "%PDF",
            "_posts/2015-01-01-b.md": "[paper]({% link files/paper.pdf %})\n",
        ])
        #expect(text == "link:/files/paper.pdf|paper")
        #expect(diagnostics.isEmpty)
    }

    @Test("site and page variables are filled in")
    func variables() throws {
        var config = SiteConfig()
        config.title = "Workbench"
        let (text, _) = try html(of: "_posts/2015-01-01-b.md", in: [
            "_posts/2015-01-01-b.md": "---\ntitle: Bee\n---\n{{ site.title }} / {{ page.title }}\n",
        ], config: config)
        #expect(text == "Workbench / Bee")
    }

    @Test("raw keeps Liquid as text; highlight becomes a fenced code block")
    func rawAndHighlight() throws {
        let (text, diagnostics) = try html(of: "_posts/2015-01-01-b.md", in: [
            "_posts/2015-01-01-b.md": "{% raw %}`{{ x }}`{% endraw %}\n\n{% highlight ruby linenos %}\nputs 1\n{% endhighlight %}\n",
        ])
        // The words after the language mark the tag's block for an HTML writer that writes Rouge's <figure>.
        #expect(text == "code:{{ x }}|code[ruby jekyll-highlight linenos]:puts 1\n")
        #expect(diagnostics.isEmpty)
    }

    @Test("An unknown tag is an error at its line and column, and that post alone is left out")
    func unknownTagIsAnError() throws {
        let folder = try SiteFolder([
            "_posts/2015-01-01-b.md": "Before\n\n  {% nope note.html %}\n",
            "_posts/2015-01-02-c.md": "Fine\n",
        ])
        let (site, diagnostics) = try folder.load(config: SiteConfig())
        #expect(site.posts.map(\.sourcePath) == ["_posts/2015-01-02-c.md"])
        #expect(diagnostics.map(\.description) == [
            "_posts/2015-01-01-b.md:3:3: error: Liquid syntax error: Unknown tag 'nope'",
        ])
    }

    @Test("include reads _includes, with its parameters under include.")
    func includeFromIncludes() throws {
        let (text, diagnostics) = try html(of: "_posts/2015-01-01-b.md", in: [
            "_includes/note.html": "Note: {{ include.text }} on {{ page.title }}",
            "_posts/2015-01-01-b.md": "---\ntitle: Bee\n---\n{% include note.html text=\"hi\" %}\n",
        ])
        #expect(text == "Note: hi on Bee")
        #expect(diagnostics.isEmpty)
    }

    @Test("include_relative reads a file beside the post, and a missing include is an error naming it")
    func includeRelative() throws {
        let (text, _) = try html(of: "_posts/2015-01-01-b.md", in: [
            "_posts/snippet.txt": "from beside {{ include.n }}",
            "_posts/2015-01-01-b.md": "{% include_relative snippet.txt n=2 %}\n",
        ])
        #expect(text == "from beside 2")
        let folder = try SiteFolder(["_posts/2015-01-01-c.md": "{% include nope.html %}\n"])
        let (_, diagnostics) = try folder.load(config: SiteConfig())
        #expect(diagnostics.map(\.description).contains { $0.hasPrefix("_posts/2015-01-01-c.md:1:1: error: Liquid error: Could not locate the included file 'nope.html'") })
    }

    @Test("render_with_liquid: false leaves the braces of that file as they are")
    func renderWithLiquidFalse() throws {
        let (text, diagnostics) = try html(of: "_posts/2015-01-01-b.md", in: [
            "_posts/2015-01-01-b.md": "---\nrender_with_liquid: false\n---\n{{ x }} {% nope %}\n",
        ])
        #expect(text == "{{ x }} {% nope %}")
        #expect(diagnostics.isEmpty)
    }

    @Test("Loops, assignments and filters run before the Markdown is read")
    func wholeLanguage() throws {
        let (text, _) = try html(of: "_posts/2015-01-01-b.md", in: [
            "_posts/2015-01-01-b.md": "{% assign n = \"1|2|3\" | split: \"|\" %}{% for i in n %}[#{{ i }}]: /issues/{{ i }}\n{% endfor %}\n[#2]\n",
        ])
        #expect(text == "link:/issues/2|#2")
    }

    @Test("A Markdown link to another post's file becomes a link to its URL, keeping the fragment")
    func linkToSourceFile() throws {
        let (text, _) = try html(of: "_posts/2015-01-01-b.md", in: [
            "_posts/2014-06-16-a.md": "A\n",
            "_posts/2015-01-01-b.md": "[one](2014-06-16-a.md) [two](../_posts/2014-06-16-a.md#part)\n",
        ])
        #expect(text == "link:/2014/06/16/a.html|one| |link:/2014/06/16/a.html#part|two")
    }

    @Test("An image's relative path becomes the site path of the file, from the post's folder or the site's root")
    func relativeImages() throws {
        var config = SiteConfig()
        config.baseurl = "/blog"
        let (text, diagnostics) = try html(of: "notes/_posts/2015-01-01-b.md", in: [
            "images/torii.jpg": "jpg", "notes/figures/a b.png": "png",
            "notes/_posts/2015-01-01-b.md": "![t](images/torii.jpg) ![a](../figures/a%20b.png) ![r](https://x.org/r.png) "
                + "![s](/images/torii.jpg) ![g](images/gone.png)\n",
        ], config: config)
        #expect(text == "image:/blog/images/torii.jpg|t| |image:/blog/notes/figures/a b.png|a| |image:https://x.org/r.png|r| "
                + "|image:/images/torii.jpg|s| |image:images/gone.png|g")
        #expect(diagnostics.map(\.description) == [
            "notes/_posts/2015-01-01-b.md:1:101: warning: this image points at images/gone.png, which is not a file of the site",
        ])
    }

    @Test("A link to a Markdown file that is no post is warned about")
    func linkToMissingFile() throws {
        let (_, diagnostics) = try html(of: "_posts/2015-01-01-b.md", in: [
            "_posts/2015-01-01-b.md": "[gone](2010-01-01-gone.md)\n",
        ])
        #expect(diagnostics.map(\.description) == [
            "_posts/2015-01-01-b.md:1:1: warning: this link points at 2010-01-01-gone.md, which is not a post or page of the site",
        ])
    }
}

@Suite("Static files")
struct StaticFileTests {
    @Test("Files outside _ and . folders are static; include brings back named ones, exclude drops named ones")
    func includeAndExclude() throws {
        var config = SiteConfig()
        config.include = [".well-known", "_redirects"]
        config.exclude = ["notes"]
        let folder = try SiteFolder([
            "images/a.png": "png", ".well-known/security.txt": "x", "_redirects": "/a /b",
            ".git/config": "x", "_drafts/x.md": "x", "notes/todo.txt": "x", "Gemfile": "x",
        ])
        let site = try folder.load(config: config).site
        #expect(site.staticFiles == [".well-known/security.txt", "_redirects", "images/a.png"])
    }
}
