import Foundation
import TestSupport
import Testing

/// Symbolic links in a site someone else wrote: none that leads outside the
/// site is followed, a link inside is followed once, and the output holds
/// no links.
@Suite("Links in the site folder")
struct SymlinkTests {
    final class Site: TemporaryFolder, @unchecked Sendable {
        func build() throws -> Publish.Run {
            try Publish.run(["build", "--source", url.path, "--format", "html"])
        }

        func link(_ path: String, to target: String) throws {
            let at = url.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: at.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: at.path, withDestinationPath: target)
        }
    }

    @Test("A post, a static file or a folder linked from outside the site is not read, with a warning each")
    func outsideLinks() throws {
        let outside = try TemporaryFolder(["secret.txt": "SECRET\n", "folder/passwd": "root:x:0:0\n"])
        let site = try Site(["_posts/2020-01-01-a.md": "A\n"])
        try site.link("_posts/2020-02-01-x.md", to: outside.url.appendingPathComponent("secret.txt").path)
        try site.link("images/shadow.png", to: outside.url.appendingPathComponent("secret.txt").path)
        try site.link("images/etc", to: outside.url.appendingPathComponent("folder").path)
        let run = try site.build()
        #expect(run.status == 0, "\(run.stderr)")
        for path in ["_posts/2020-02-01-x.md", "images/shadow.png", "images/etc"] {
            #expect(run.stderr.contains("\(path): warning: this is a link to something outside the site, so it is not read"),
                    "\(run.stderr)")
        }
        #expect(!site.exists("_site/images/shadow.png"))
        #expect(!site.exists("_site/images/etc"))
        #expect(!site.exists("_site/2020/02/01/x.html"))
    }

    @Test("A link inside the site is followed once and copied as a file; a loop is read once and said once")
    func insideLinksAndLoops() throws {
        let site = try Site(["_posts/2020-01-01-a.md": "A\n", "images/real.png": "PNG"])
        try site.link("images/alias.png", to: "real.png")
        try site.link("_posts/loop", to: ".")
        try site.link("images/again", to: "..")
        let run = try site.build()
        #expect(run.status == 0, "\(run.stderr)")
        #expect(site.read("_site/images/alias.png") == "PNG")
        let attributes = try FileManager.default.attributesOfItem(atPath: site.url.appendingPathComponent("_site/images/alias.png").path)
        #expect(attributes[.type] as? FileAttributeType == .typeRegular)
        #expect(run.stderr.components(separatedBy: "this link leads to a folder the build reads already").count - 1 == 2,
                "\(run.stderr)")
        #expect(!run.stderr.contains("same permalink"), "\(run.stderr)")
        let links = FileManager.default.enumerator(at: site.url.appendingPathComponent("_site"), includingPropertiesForKeys: [.isSymbolicLinkKey])!
            .compactMap { ($0 as? URL).flatMap { try? $0.resourceValues(forKeys: [.isSymbolicLinkKey]).isSymbolicLink } }
        #expect(!links.contains(true))
    }
}
