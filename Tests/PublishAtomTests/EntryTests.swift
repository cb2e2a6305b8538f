import PublishAST
import Testing

@Suite("Feed entries")
struct EntryTests {
    @Test("An entry's id is a tag URI of the site's host, the post's day and its slug")
    func tagID() throws {
        let build = try FeedBuild(["_posts/2014-06-16-hello.md": "Hi\n"], url: "https://Example.org:8080/blog")
        #expect(build.entryIDs("feed.xml") == ["tag:example.org,2014-06-16:hello"])
    }

    @Test("The id's day is the post's date in the site's time zone")
    func tagDayInSiteZone() throws {
        let build = try FeedBuild(["_posts/2014-06-16-hello.md": "---\ndate: 2014-06-16 20:00:00 -0500\n---\nHi\n"],
                                  timeZone: "Asia/Shanghai")
        #expect(build.entryIDs("feed.xml") == ["tag:example.org,2014-06-17:hello"])
    }

    @Test("Two posts with one slug on different days get different ids")
    func sameSlugDifferentDays() throws {
        let build = try FeedBuild(["_posts/2014-06-16-hello.md": "A\n", "_posts/2015-06-16-hello.md": "B\n"])
        #expect(Set(build.entryIDs("feed.xml")).count == 2)
    }

    @Test("The id does not follow the title or the permalink")
    func idIgnoresTitleAndPermalink() throws {
        let build = try FeedBuild([
            "_posts/2014-06-16-hello.md": "---\ntitle: A New Title\npermalink: /elsewhere/\n---\nHi\n",
        ])
        #expect(build.entryIDs("feed.xml") == ["tag:example.org,2014-06-16:hello"])
    }

    @Test("id_authority keeps ids when the site moves to another domain")
    func pinnedAuthority() throws {
        let build = try FeedBuild(["_posts/2014-06-16-hello.md": "Hi\n"],
                                  options: YAMLMapping(["id_authority": .string("example.org")]),
                                  url: "https://new.example.com")
        #expect(build.entryIDs("feed.xml") == ["tag:example.org,2014-06-16:hello"])
    }

    @Test("`id:` in front matter overrides the rule")
    func ownID() throws {
        let build = try FeedBuild(["_posts/2014-06-16-hello.md": "---\nid: urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a\n---\nHi\n"])
        #expect(build.entryIDs("feed.xml") == ["urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a"])
    }

    @Test("An `id:` that is not an absolute URI is a warning at the post, and the rule's id is kept")
    func badOwnID() throws {
        let build = try FeedBuild(["_posts/2014-06-16-hello.md": "---\nid: 42\n---\nHi\n"])
        #expect(build.diagnostics.map(\.description).contains { $0.hasPrefix("_posts/2014-06-16-hello.md: warning: `id`") })
        #expect(build.entryIDs("feed.xml") == ["tag:example.org,2014-06-16:hello"])
    }

    @Test("Two posts with one id: the later is an error at its file and left out")
    func duplicateID() throws {
        let build = try FeedBuild([
            "_posts/2014-06-16-a.md": "---\nid: tag:example.org,2014:x\n---\nA\n",
            "_posts/2014-06-17-b.md": "---\nid: tag:example.org,2014:x\n---\nB\n",
        ])
        #expect(build.diagnostics.first?.description.hasPrefix("_posts/2014-06-17-b.md: error:") == true)
        #expect(build.entryIDs("feed.xml").count == 1)
    }

    @Test("Dates are RFC 3339 with the site zone's offset")
    func datesWithOffset() throws {
        let build = try FeedBuild(["_posts/2014-06-16-hello.md": "---\ndate: 2014-06-16 10:30:00 +0000\n---\nHi\n"],
                                  timeZone: "Asia/Shanghai")
        #expect(build.read("feed.xml")?.contains("<published>2014-06-16T18:30:00+08:00</published>") == true)
    }

    @Test("`updated` in front matter is the entry's updated, and the feed's is its newest entry's")
    func updatedFromFrontMatter() throws {
        let build = try FeedBuild([
            "_posts/2014-06-16-a.md": "---\nupdated: 2016-01-02\n---\nA\n",
            "_posts/2015-06-16-b.md": "B\n",
        ])
        let feed = try #require(build.read("feed.xml"))
        #expect(feed.contains("<feed") && feed.contains("  <updated>2016-01-02T00:00:00Z</updated>\n"))
    }

    @Test("Categories and tags become category elements")
    func categories() throws {
        let build = try FeedBuild(["_posts/2014-06-16-a.md": "---\ncategory: notes\ntags: [swift, notes]\n---\nA\n"])
        let feed = try #require(build.read("feed.xml"))
        #expect(feed.contains("<category term=\"notes\"/>\n    <category term=\"swift\"/>\n    <summary"))
    }

    @Test("The description is the summary, as text")
    func descriptionSummary() throws {
        let build = try FeedBuild(["_posts/2014-06-16-a.md": "---\ndescription: In short & sweet\n---\nA\n"])
        #expect(build.read("feed.xml")?.contains("<summary type=\"text\">In short &amp; sweet</summary>") == true)
    }

    @Test("content: summary leaves the post's HTML out")
    func summaryContent() throws {
        let build = try FeedBuild(["_posts/2014-06-16-a.md": "First.\n\nSecond.\n"],
                                  options: YAMLMapping(["content": .string("summary")]))
        let feed = try #require(build.read("feed.xml"))
        #expect(feed.contains("&lt;p&gt;First.&lt;/p&gt;") && !feed.contains("Second") && !feed.contains("<content"))
    }

    @Test("A post's zh_CN language is written as the tag zh-CN")
    func languageTag() throws {
        let build = try FeedBuild(["_posts/2014-06-16-a.md": "---\nlang: zh_CN\n---\nA\n"])
        #expect(build.read("feed.xml")?.contains("<entry xml:lang=\"zh-CN\">") == true)
    }
}
