import PublishAST
import Testing

@Suite("RFC 5005 archives")
struct ArchiveTests {
    @Test("130 posts in blocks of 50 give two archives, and the feed holds the 30 not yet archived")
    func blocksFromTheOldest() throws {
        let build = try FeedBuild(FeedBuild.posts(1...130))
        #expect(build.entryIDs("feeds/archive/1.xml").count == 50)
        #expect(build.entryIDs("feeds/archive/2.xml").count == 50)
        #expect(build.read("feeds/archive/3.xml") == nil)
        #expect(build.entryIDs("feed.xml").count == 30)
    }

    @Test("Just after a block fills, the feed still holds the newest 20")
    func neverFewerThanEntries() throws {
        let build = try FeedBuild(FeedBuild.posts(1...102))
        let feed = build.entryIDs("feed.xml")
        #expect(feed.count == 20)
        #expect(feed.last?.hasSuffix(":post-83") == true)
    }

    @Test("The first archive holds the oldest posts, newest first")
    func firstArchiveHoldsOldest() throws {
        let build = try FeedBuild(FeedBuild.posts(1...60), options: YAMLMapping(["archive_size": .int(10)]))
        #expect(build.entryIDs("feeds/archive/1.xml").map { $0.split(separator: ":").last! }
                == (1...10).reversed().map { "post-\($0)" })
    }

    @Test("Archives link current, prev-archive and next-archive, and are marked fh:archive")
    func archiveLinks() throws {
        let build = try FeedBuild(FeedBuild.posts(1...35), options: YAMLMapping(["archive_size": .int(10)]))
        let middle = try #require(build.read("feeds/archive/2.xml"))
        #expect(middle.contains("<fh:archive/>"))
        #expect(middle.contains("<link rel=\"current\" type=\"application/atom+xml\" href=\"https://example.org/feed.xml\"/>"))
        #expect(middle.contains("rel=\"prev-archive\" type=\"application/atom+xml\" href=\"https://example.org/feeds/archive/1.xml\""))
        #expect(middle.contains("rel=\"next-archive\" type=\"application/atom+xml\" href=\"https://example.org/feeds/archive/3.xml\""))
    }

    @Test("The feed links prev-archive to the newest archive, which has no next-archive yet")
    func feedLinksNewestArchive() throws {
        let build = try FeedBuild(FeedBuild.posts(1...35), options: YAMLMapping(["archive_size": .int(10)]))
        #expect(build.read("feed.xml")?.contains("href=\"https://example.org/feeds/archive/3.xml\"") == true)
        #expect(build.read("feeds/archive/3.xml")?.contains("next-archive") == false)
    }

    @Test("A feed with no archives says fh:complete, unless told not to")
    func completeMarker() throws {
        #expect(try FeedBuild(FeedBuild.posts(1...5)).read("feed.xml")?.contains("<fh:complete/>") == true)
        let off = try FeedBuild(FeedBuild.posts(1...5), options: YAMLMapping(["complete": .bool(false)]))
        #expect(off.read("feed.xml")?.contains("fh:complete") == false)
    }

    @Test("A feed with archives is not marked complete")
    func archivedFeedNotComplete() throws {
        let build = try FeedBuild(FeedBuild.posts(1...12), options: YAMLMapping(["archive_size": .int(10)]))
        #expect(build.read("feed.xml")?.contains("fh:complete") == false)
    }

    @Test("A new post leaves every archive byte for byte as it was")
    func newPostChangesNoArchive() throws {
        let options = YAMLMapping(["archive_size": .int(10)])
        let before = try FeedBuild(FeedBuild.posts(1...34), options: options)
        let after = try FeedBuild(FeedBuild.posts(1...35), options: options)
        for number in 1...3 {
            #expect(before.read("feeds/archive/\(number).xml") == after.read("feeds/archive/\(number).xml"))
        }
    }

    @Test("An edited archived post is rewritten in its archive and repeated in the feed")
    func editedArchivedPost() throws {
        var files = FeedBuild.posts(1...30)
        let old = try #require(files.keys.first { $0.hasSuffix("-post-3.md") })
        files[old] = "---\ntitle: Post 3\nupdated: 2020-01-01\n---\nEdited.\n"
        let build = try FeedBuild(files, options: YAMLMapping(["archive_size": .int(10), "entries": .int(5)]))
        #expect(build.read("feeds/archive/1.xml")?.contains("Edited.") == true)
        #expect(build.entryIDs("feed.xml").contains { $0.hasSuffix(":post-3") })
    }
}
