import PublishAST
import Testing

@Suite("Category, tag and JSON feeds")
struct FeedsTests {
    @Test("Each category gets its own feed, titled after it")
    func categoryFeed() throws {
        let build = try FeedBuild(["_posts/2014-06-16-a.md": "---\ncategory: Notes\n---\nA\n", "_posts/2014-06-17-b.md": "B\n"])
        #expect(build.entryIDs("feeds/categories/notes.xml") == ["tag:example.org,2014-06-16:a"])
        #expect(build.read("feeds/categories/notes.xml")?.contains("<title type=\"text\">Test Site: Notes</title>") == true)
    }

    @Test("Tag feeds are off unless asked for")
    func tagFeeds() throws {
        let files = ["_posts/2014-06-16-a.md": "---\ntags: [swift]\n---\nA\n"]
        #expect(try FeedBuild(files).read("feeds/tags/swift.xml") == nil)
        #expect(try FeedBuild(files, options: YAMLMapping(["tags": .bool(true)])).read("feeds/tags/swift.xml") != nil)
    }

    @Test("A category feed has archives of its own")
    func categoryArchives() throws {
        let build = try FeedBuild(FeedBuild.posts(1...12, front: "category: notes\n"),
                                  options: YAMLMapping(["archive_size": .int(5)]))
        #expect(build.entryIDs("feeds/categories/notes/archive/2.xml").count == 5)
    }

    @Test("The JSON feed has the same ids and pages to the newest archive with next_url")
    func jsonFeed() throws {
        let build = try FeedBuild(FeedBuild.posts(1...12), options: YAMLMapping(["archive_size": .int(5)]))
        let json = try #require(build.read("feed.json"))
        #expect(json.contains("\"next_url\": \"https://example.org/feeds/archive/2.json\""))
        #expect(json.contains("\"id\": \"tag:example.org,2014-01-13:post-12\""))
        #expect(build.read("feeds/archive/1.json")?.contains("next_url") == false)
    }

    @Test("json_feed: false writes no JSON")
    func noJSON() throws {
        let build = try FeedBuild(FeedBuild.posts(1...2), options: YAMLMapping(["json_feed": .bool(false)]))
        #expect(build.read("feed.json") == nil)
    }

    @Test("A site with no url is warned about, and its feeds still written")
    func noURL() throws {
        let build = try FeedBuild(FeedBuild.posts(1...2), url: "")
        #expect(build.diagnostics.first?.description.hasPrefix("_config.yml: warning: the site has no `url`") == true)
        #expect(build.read("feed.xml") != nil)
    }

    @Test("An unknown option is an error naming the nearest one")
    func unknownOption() throws {
        #expect(throws: Diagnostic.self) { try FeedBuild([:], options: YAMLMapping(["archiv_size": .int(3)])) }
    }
}
