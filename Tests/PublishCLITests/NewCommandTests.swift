import Foundation
import TestSupport
import Testing

@Suite("publish new")
struct NewCommandTests {
    func new(_ arguments: [String], in site: TemporaryFolder) throws -> (Publish.Run, String) {
        let run = try Publish.run(["new"] + arguments + ["--source", site.url.path])
        return (run, run.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    @Test("A slug that climbs out with .. becomes a file name in _posts")
    func slugCannotClimbOut() throws {
        let site = try TemporaryFolder(["_config.yml": "title: T\n"])
        let (run, file) = try new(["A title", "--slug", "../../../../x"], in: site)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(file.hasPrefix("_posts/") && file.hasSuffix("-x.md"))
        #expect(site.exists(file))
    }

    @Test("An absolute slug keeps its words, joined by hyphens, in _posts")
    func absoluteSlug() throws {
        let site = try TemporaryFolder(["_config.yml": "title: T\n"])
        let (run, file) = try new(["A title", "--slug", "/etc/My-File"], in: site)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(file.hasPrefix("_posts/") && file.hasSuffix("-etc-My-File.md"))
        #expect(site.exists(file))
    }

    @Test("Without a slug, the title makes it, Chinese kept")
    func slugFromTitle() throws {
        let site = try TemporaryFolder(["_config.yml": "title: T\n"])
        let (run, file) = try new(["你好, World!"], in: site)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(file.hasSuffix("-你好-world.md"))
    }

    @Test("--category files the post in the category's posts folder when the site keeps one, and in its front matter")
    func category() throws {
        let site = try TemporaryFolder(["_config.yml": "title: T\n", "_posts/技术/2020-01-01-a.md": "A\n",
                                        "travel/_posts/2020-01-01-b.md": "B\n"])
        let (run, file) = try new(["A title", "--category", "技术"], in: site)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(file.hasPrefix("_posts/技术/") && file.hasSuffix("-a-title.md"), "\(file)")
        #expect(site.read(file)?.contains("categories: [\"技术\"]\n") == true)
        let (_, travel) = try new(["Kyoto", "--category", "travel"], in: site)
        #expect(travel.hasPrefix("travel/_posts/"), "\(travel)")
        let (_, other) = try new(["Misc", "--category", "misc"], in: site)
        #expect(other.hasPrefix("_posts/") && !other.hasPrefix("_posts/misc"), "\(other)")
        let (refused, _) = try new(["X", "--category", "../etc"], in: site)
        #expect(refused.status != 0)
        let built = try Publish.run(["build", "--source", site.url.path, "--format", "html", "--quiet"])
        #expect(built.status == 0, "\(built.stderr)")
    }
}
