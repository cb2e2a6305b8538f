import Foundation
import TestSupport
import Testing

/// The build cache (`.publish-cache/`): a rebuild with it gives, byte for
/// byte, what a clean build without it gives, after every kind of change,
/// and renders only the files a change reaches.
@Suite("publish build with the cache")
struct CacheTests {
    /// A site of 30 posts in two categories, with tags, links between
    /// posts, Liquid, a page, a layout of the site's own with an include, a Chinese post and a broken
    /// link.
    final class Site: TemporaryFolder, @unchecked Sendable {
        static func make() throws -> Site {
            var files = [
                "_config.yml": "title: Cache Test\nurl: https://example.org\nauthor: Lin\ntimezone: Asia/Shanghai\n",
                "publish.yml": "outputs:\n  html:\n    paginate: 4\n",
                "about.md": "---\ntitle: About\n---\nAbout [the first post](_posts/2020-01-01-post-1.md).\n",
                "images/dot.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
                "_layouts/page.html": "<article class=\"page\">{% include note.html %}{{ content }}</article>\n",
                "_includes/note.html": "<p>A note</p>",
            ]
            for number in 1...30 {
                files[Site.post(number)] = Site.text(number, title: "Post \(number)", body: "The body of post \(number).")
            }
            files["_posts/2020-01-09-post-9.md"] = "---\ntitle: 第九篇\nlang: zh\ncategory: 笔记\n---\n中文的摘要。\n\n正文。\n"
            files["_posts/2020-01-20-post-20.md"]! += "\nA [broken link](2000-01-01-nowhere.md).\n"
            // Liquid that looks up a post whose date changes below.
            files["_posts/2020-01-25-post-25.md"]! += "\nOn {{ site.title }}: [seven]({% post_url 2020-01-07-post-7 %}).\n"
            return try Site(files)
        }

        static func post(_ number: Int) -> String {
            String(format: "_posts/2020-%02d-%02d-post-%d.md", (number - 1) / 28 + 1, (number - 1) % 28 + 1, number)
        }

        static func text(_ number: Int, title: String, body: String, date: String? = nil) -> String {
            let category = number % 2 == 0 ? "even" : "odd"
            let linked = number > 1 ? "See [the one before](\(URL(fileURLWithPath: post(number - 1)).lastPathComponent)).\n\n" : ""
            return "---\ntitle: \(title)\ncategory: \(category)\ntags: [t\(number % 3)]\n"
                + (date.map { "date: \($0)\n" } ?? "") + "---\n"
                + "The excerpt of post \(number), with *emphasis*.\n\n\(linked)\(body)\n\n## A heading\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"
        }

        func build(_ arguments: [String] = []) throws -> Publish.Run {
            try Publish.run(["build", "--source", url.path] + arguments)
        }

        /// Every file of the output folder `folder`, by relative path.
        func tree(_ folder: URL) -> [String: Data] {
            var files: [String: Data] = [:]
            let base = folder.standardizedFileURL.path + "/"
            for case let file as URL in FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)! {
                let path = file.standardizedFileURL.path
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue
                else { continue }
                files[String(path.dropFirst(base.count))] = FileManager.default.contents(atPath: path)
            }
            return files
        }

        /// The inode of every file of the site's output, by relative path.
        func inodes() throws -> [String: Int] {
            let folder = url.appendingPathComponent("_site")
            var result: [String: Int] = [:]
            for path in tree(folder).keys {
                let attributes = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(path).path)
                result[path] = (attributes[.systemFileNumber] as? NSNumber)?.intValue ?? -1
            }
            return result
        }

        /// Builds with the cache and, into a folder of its own, without it;
        /// expects the same files with the same bytes, and the same
        /// diagnostics.
        func expectRebuildMatchesCleanBuild(_ change: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
            let cached = try build()
            #expect(cached.status == 0, "\(change): \(cached.stderr)", sourceLocation: sourceLocation)
            let clean = FileManager.default.temporaryDirectory.appendingPathComponent("publish-clean-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: clean) }
            let reference = try build(["--no-cache", "--output", clean.path])
            #expect(reference.status == 0, "\(change): \(reference.stderr)", sourceLocation: sourceLocation)
            let mine = tree(url.appendingPathComponent("_site")), theirs = tree(clean)
            #expect(mine.keys.sorted() == theirs.keys.sorted(), "\(change): the files differ", sourceLocation: sourceLocation)
            let differing = mine.keys.filter { theirs[$0] != nil && mine[$0] != theirs[$0] }.sorted()
            #expect(differing.isEmpty, "\(change): these files differ: \(differing)", sourceLocation: sourceLocation)
            func diagnostics(_ run: Publish.Run) -> [String] {
                // The closing line, which says what was reused, differs; the diagnostics may not.
                run.stderr.split(separator: "\n").map(String.init).filter { !($0.hasPrefix("publish: ") && $0.contains("built ")) }
            }
            #expect(diagnostics(cached) == diagnostics(reference), "\(change)", sourceLocation: sourceLocation)
        }
    }

    @Test("After each kind of change, a rebuild with the cache gives the bytes of a clean build")
    func rebuildsMatchCleanBuilds() throws {
        let site = try Site.make()
        let first = try site.build()
        #expect(first.status == 0, "\(first.stderr)")
        #expect(site.exists(".publish-cache/build"))
        try site.expectRebuildMatchesCleanBuild("nothing changed")

        try site.write(Site.text(5, title: "Post 5", body: "A new body for post 5."), to: Site.post(5))
        try site.expectRebuildMatchesCleanBuild("a post's body")
        try site.write(Site.text(6, title: "A New Title", body: "The body of post 6."), to: Site.post(6))
        try site.expectRebuildMatchesCleanBuild("a post's title")
        try site.write(Site.text(7, title: "Post 7", body: "The body of post 7.", date: "2020-02-20"), to: Site.post(7))
        try site.expectRebuildMatchesCleanBuild("a post's date")
        try FileManager.default.removeItem(at: site.url.appendingPathComponent(Site.post(12)))
        try site.expectRebuildMatchesCleanBuild("a post deleted (the next one links to it)")
        try site.write(Site.text(31, title: "Post 31", body: "New."), to: "_posts/2020-03-01-post-31.md")
        try site.expectRebuildMatchesCleanBuild("a post added")
        try site.write("<article class=\"changed\">{{ content }}</article>\n", to: "_layouts/page.html")
        try site.write("---\nlayout: default\n---\n<article class=\"post\"><h1>{{ page.title }}</h1>{{ content }}</article>\n",
                       to: "_layouts/post.html")
        try site.expectRebuildMatchesCleanBuild("a layout edited and one added")
        try site.write("<article class=\"page\">{% include note.html %}{{ content }}</article>\n", to: "_layouts/page.html")
        try site.expectRebuildMatchesCleanBuild("a layout that includes a file")
        try site.write("<p>Another note</p>", to: "_includes/note.html")
        try site.expectRebuildMatchesCleanBuild("an include a layout uses")
        try site.write("outputs:\n  html:\n    paginate: 3\n  atom:\n    tags: true\n", to: "publish.yml")
        try site.expectRebuildMatchesCleanBuild("publish.yml")
        try site.write("title: Cache Test, Renamed\nurl: https://example.org\nauthor: Lin\ntimezone: UTC\n", to: "_config.yml")
        try site.expectRebuildMatchesCleanBuild("_config.yml")
        try site.write("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"2\"/>", to: "images/dot.svg")
        try site.expectRebuildMatchesCleanBuild("a static file")
        try site.write(Site.text(8, title: "Post 8", body: "![later](images/later.png)"), to: Site.post(8))
        try site.expectRebuildMatchesCleanBuild("an image whose file is missing")
        try site.write("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"3\"/>", to: "images/later.png")
        try site.expectRebuildMatchesCleanBuild("the file of an image added")
    }

    @Test("After a one-post body edit, only its page, the feeds that hold it and the book are made again")
    func bodyEditRendersOnlyWhatShowsThePost() throws {
        let site = try Site.make()
        #expect(try site.build().status == 0)
        let again = try site.build()
        let total = try site.inodes().count
        // The book cannot tell what it depends on, so it is always made again.
        #expect(again.stderr.contains("rendered 1 file, reused \(total - 1); 0 post files read, 30 from the cache"),
                "\(again.stderr)")
        let before = try site.inodes()
        // The excerpt (the first paragraph) stays as it was: no list changes.
        try site.write(Site.text(14, title: "Post 14", body: "An edited body."), to: Site.post(14))
        let run = try site.build()
        #expect(run.status == 0)
        let after = try site.inodes()
        let made = after.keys.filter { before[$0] != after[$0] }.sorted()
        #expect(made == ["book.epub", "even/2020/01/14/post-14.html", "feed.json", "feed.xml",
                         "feeds/categories/even.json", "feeds/categories/even.xml"])
        #expect(run.stderr.contains("rendered 6 files, reused \(after.count - 6); 1 post file read, 29 from the cache"),
                "\(run.stderr)")
    }

    @Test("A --format build drops what its formats made for a post deleted since, and keeps the other formats' files")
    func formatBuildDropsADeletedPostsFiles() throws {
        let site = try Site.make()
        #expect(try site.build().status == 0)
        let output = site.url.appendingPathComponent("_site")
        let before = site.tree(output)
        let page = "even/2020/01/14/post-14.html"
        #expect(before[page] != nil)
        try FileManager.default.removeItem(at: site.url.appendingPathComponent(Site.post(14)))
        let run = try site.build(["--format", "html"])
        #expect(run.status == 0, "\(run.stderr)")
        let after = site.tree(output)
        #expect(after[page] == nil, "the deleted post's page is still there")
        #expect(after["archive/index.html"] != nil && after["archive/index.html"] != before["archive/index.html"])
        // The outputs not built are left as the last build made them.
        for file in ["feed.xml", "feed.json", "book.epub", "feeds/categories/even.xml"] {
            #expect(after[file] != nil && after[file] == before[file], "\(file)")
        }
        // Then an atom build drops the post from the feeds, and leaves the pages.
        #expect(try site.build(["--format", "atom"]).status == 0)
        let feeds = site.tree(output)
        #expect(feeds["feed.xml"] != before["feed.xml"])
        #expect(feeds[page] == nil && feeds["archive/index.html"] == after["archive/index.html"])
    }

    @Test("--no-cache neither reads nor writes the cache")
    func noCacheFlag() throws {
        let site = try Site.make()
        let run = try site.build(["--no-cache"])
        #expect(run.status == 0)
        #expect(!site.exists(".publish-cache"))
        #expect(run.stderr.contains("reused 0") && !run.stderr.contains("from the cache"), "\(run.stderr)")
    }

    @Test("A cache that does not read back is ignored, and the output is still a clean build's")
    func corruptCacheIgnored() throws {
        let site = try Site.make()
        #expect(try site.build().status == 0)
        let cache = site.url.appendingPathComponent(".publish-cache/build")
        var bytes = Array(try Data(contentsOf: cache))
        bytes.removeLast(bytes.count / 2)
        try Data(bytes).write(to: cache)
        try site.write(Site.text(3, title: "Post 3", body: "Changed."), to: Site.post(3))
        try site.expectRebuildMatchesCleanBuild("a cut cache file")
        try Data("not a cache".utf8).write(to: cache)
        let run = try site.build()
        #expect(run.status == 0 && run.stderr.contains("reused 0; 30 post files read, 0 from the cache"), "\(run.stderr)")
    }

    @Test("A cache folder that cannot be written is a warning; the site is still built")
    func readOnlyCacheWarns() throws {
        guard getuid() != 0 else { return try readOnlyCacheAsRoot() }
        let site = try Site.make()
        let folder = site.url.appendingPathComponent(".publish-cache")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path) }
        let run = try site.build()
        #expect(run.status == 0)
        #expect(run.stderr.contains("warning: cannot write the build cache"), "\(run.stderr)")
        #expect(site.exists("_site/odd/2020/01/01/post-1.html"))
    }

    /// Root writes through permissions: a file where the folder should be
    /// makes the folder unwritable for anyone.
    private func readOnlyCacheAsRoot() throws {
        let site = try Site.make()
        try site.write("in the way", to: ".publish-cache")
        let run = try site.build()
        #expect(run.status == 0)
        #expect(run.stderr.contains("warning: cannot write the build cache"), "\(run.stderr)")
        #expect(site.exists("_site/odd/2020/01/01/post-1.html"))
        #expect(site.read(".publish-cache") == "in the way")
    }
}
