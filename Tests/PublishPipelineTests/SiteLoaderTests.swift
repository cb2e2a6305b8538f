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
            == ["_posts/2014-06-17-b.md: error: this post has the same permalink, /same/, as _posts/2014-06-16-a.md"])
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
