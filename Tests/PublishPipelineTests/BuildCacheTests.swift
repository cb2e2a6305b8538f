import Foundation
import PublishAST
import PublishPipeline
import Testing

@Suite("Build cache")
struct BuildCacheTests {
    @Test("SHA-256 gives the FIPS 180-4 test vectors")
    func sha256Vectors() {
        #expect(ContentHash.hex(Array("".utf8)) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(ContentHash.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(ContentHash.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        var million = ContentHash()
        for _ in 0..<1000 { million.update([UInt8](repeating: UInt8(ascii: "a"), count: 1000)) }
        #expect(million.finishHex() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test("Key parts keep their boundaries")
    func keyBoundaries() {
        var one = CacheKey("k"), two = CacheKey("k")
        one.add("ab")
        one.add("c")
        two.add("a")
        two.add("bc")
        #expect(one.value != two.value)
    }

    /// Loads `folder` with `cache`, at a fixed "now".
    private func load(_ folder: SiteFolder, cache: BuildCache?) throws -> (site: Site, diagnostics: [Diagnostic]) {
        var loader = SiteLoader(source: folder.url, config: SiteConfig(), pipeline: try MarkdownPipeline.builtIn(),
                                now: Date(timeIntervalSince1970: 1_800_000_000))
        loader.cache = cache
        return loader.load()
    }

    @Test("A post the cache knows is not parsed, and reads back as the parsed one")
    func recalledPostsMatchParsedOnes() throws {
        let folder = try SiteFolder([
            "_posts/2014-06-16-hello.md": "---\ntitle: Hello\ntags: [a, b]\nupdated: 2014-07-01\n---\nHi *there*, "
                + "see [the other](2014-06-17-other.md) and [nothing](2000-01-01-none.md).\n\n| a |\n|---|\n| 1 |\n",
            "_posts/2014-06-17-other.md": "---\ntitle: Other\nexcerpt: \"An *own* excerpt\"\n---\n中文。\n",
            "_posts/2014-06-18-hidden.md": "---\npublished: false\n---\nNo.\n",
            "_posts/2099-01-01-future.md": "Later.\n",
            "_posts/2014-06-19-liquid.md": "{{ site.title }}\n",
        ])
        let fingerprint = "test"
        let cacheFolder = folder.url.appendingPathComponent(".publish-cache")
        let output = folder.url.appendingPathComponent("_site")
        let first = BuildCache(folder: cacheFolder, fingerprint: fingerprint)
        let parsed = try load(folder, cache: first)
        #expect(first.postCounts.parsed == 5 && first.postCounts.recalled == 0)
        try first.save(destination: output)

        let second = BuildCache(folder: cacheFolder, fingerprint: fingerprint)
        let recalled = try load(folder, cache: second)
        #expect(second.postCounts.parsed == 0 && second.postCounts.recalled == 5)
        #expect(recalled.diagnostics == parsed.diagnostics)
        #expect(recalled.site.posts.map(\.sourcePath) == parsed.site.posts.map(\.sourcePath))
        #expect(recalled.site.posts.filter { !$0.isDocumentLoaded }.map(\.sourcePath)
                == ["_posts/2014-06-16-hello.md", "_posts/2014-06-17-other.md", "_posts/2014-06-19-liquid.md"])
        for (mine, theirs) in zip(recalled.site.posts, parsed.site.posts) {
            #expect(mine.metadata == theirs.metadata)
            #expect(mine.url == theirs.url && mine.outputPath == theirs.outputPath && mine.date == theirs.date)
            #expect(mine.readingMinutes == theirs.readingMinutes)
            #expect(mine.excerpt == theirs.excerpt)
            #expect(mine.document == theirs.document)
            #expect(mine.contentKey == theirs.contentKey && mine.excerptKey == theirs.excerptKey)
        }

        // A new post changes what Liquid can look up: the Liquid post is read again.
        try second.save(destination: output)
        try folder.write("New.\n", to: "_posts/2014-06-20-new.md")
        let third = BuildCache(folder: cacheFolder, fingerprint: fingerprint)
        let more = try load(folder, cache: third)
        #expect(third.postCounts.parsed == 2 && third.postCounts.recalled == 4)
        #expect(more.site.posts.first { $0.sourcePath.hasSuffix("liquid.md") }?.isDocumentLoaded == true)

        // Another fingerprint: nothing is trusted.
        let other = BuildCache(folder: cacheFolder, fingerprint: "another")
        _ = try load(folder, cache: other)
        #expect(other.postCounts.recalled == 0 && other.ignored != nil)
    }

    @Test("A post is rendered again when a post it links to moves")
    func keysFollowLinkedURLs() throws {
        let folder = try SiteFolder([
            "_posts/2014-06-16-hello.md": "See [the other](2014-06-17-other.md).\n",
            "_posts/2014-06-17-other.md": "Other.\n",
        ])
        let cacheFolder = folder.url.appendingPathComponent(".publish-cache")
        let first = BuildCache(folder: cacheFolder, fingerprint: "test")
        let before = try load(folder, cache: first).site.posts[0]
        try first.save(destination: folder.url.appendingPathComponent("_site"))
        try FileManager.default.moveItem(at: folder.url.appendingPathComponent("_posts/2014-06-17-other.md"),
                                         to: folder.url.appendingPathComponent("_posts/2014-06-18-other.md"))
        try folder.write("See [the other](2014-06-17-other.md).\n", to: "_posts/2014-06-16-hello.md")
        let after = try load(folder, cache: BuildCache(folder: cacheFolder, fingerprint: "test")).site.posts[0]
        #expect(!after.isDocumentLoaded)
        #expect(after.contentKey != before.contentKey)
    }

    @Test("A file of the last build is carried over only with the same key and while it is as it was written")
    func outputReuse() throws {
        let folder = try SiteFolder([:])
        let cacheFolder = folder.url.appendingPathComponent(".publish-cache")
        let destination = folder.url.appendingPathComponent("_site")
        let first = BuildCache(folder: cacheFolder, fingerprint: "test")
        let output = try OutputFolder(destination: destination, cache: first)
        try output.write(Array("a".utf8), to: "a.html", key: "key a")
        try output.write(Array("b".utf8), to: "b.html", key: "key b")
        try output.write(Array("c".utf8), to: "c.html", key: "key c")
        try output.commit()
        try first.save(destination: output.destination)
        // Edited by hand since: not the file the cache knows.
        try folder.write("changed", to: "_site/c.html")

        let second = BuildCache(folder: cacheFolder, fingerprint: "test")
        let again = try OutputFolder(destination: destination, cache: second)
        #expect(try again.reuse("a.html", key: "key a"))
        #expect(try !again.reuse("b.html", key: "another key"))
        #expect(try !again.reuse("c.html", key: "key c"))
        #expect(try !again.reuse("d.html", key: "key d"))
        try again.write(Array("B".utf8), to: "b.html", key: "another key")
        try again.commit()
        #expect(folder.read("_site/a.html") == "a" && folder.read("_site/b.html") == "B")
        #expect(!folder.exists("_site/c.html"))
        #expect(again.fileCounts.rendered == 1 && again.fileCounts.reused == 1)
    }
}
