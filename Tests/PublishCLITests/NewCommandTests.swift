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
}
