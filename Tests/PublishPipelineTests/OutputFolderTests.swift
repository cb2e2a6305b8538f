import Foundation
import PublishPipeline
import TestSupport
import Testing

@Suite("The output folder keeps the former output and recycles it")
struct OutputFolderTests {
    func build(_ folder: TemporaryFolder, files: [String: String], reuse: [String: String] = [:],
               check: (OutputFolder) throws -> Void = { _ in }) throws {
        let cache = BuildCache(folder: folder.url.appendingPathComponent("cache"), fingerprint: "test")
        let destination = folder.url.appendingPathComponent("site")
        let output = try OutputFolder(destination: destination, cache: cache)
        for (path, key) in reuse { #expect(try output.reuse(path, key: key), "\(path) was not carried over") }
        for (path, text) in files.sorted(by: { $0.key < $1.key }) {
            try output.write(Array(text.utf8), to: path, key: "key of " + text)
        }
        try check(output)
        try output.commit()
        try cache.save(destination: destination)
    }

    func contents(_ folder: TemporaryFolder, _ name: String) -> [String: String] {
        let root = folder.url.appendingPathComponent(name).path
        var result: [String: String] = [:]
        for file in FileTree.regularFiles(below: root) {
            result[file] = String(decoding: FileManager.default.contents(atPath: root + "/" + file) ?? Data(), as: UTF8.self)
        }
        return result
    }

    @Test("Each build's output is exactly what it wrote, whatever the recycled folder held")
    func recycledOutputIsExact() throws {
        let folder = try TemporaryFolder([:])
        try build(folder, files: ["a.html": "a1", "b/c.html": "c1", "d/e/f.html": "f1"])
        try build(folder, files: ["a.html": "a2", "x.html": "x2"], reuse: ["b/c.html": "key of c1"])
        #expect(contents(folder, "site") == ["a.html": "a2", "x.html": "x2", "b/c.html": "c1"])
        // The third build recycles the first one's tree: `b` was a folder there, `d/e` is gone now.
        try build(folder, files: ["a.html": "a3", "b": "b3"])
        #expect(contents(folder, "site") == ["a.html": "a3", "b": "b3"])
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("site/d").path))
        #expect(contents(folder, "cache/site.previous") == ["a.html": "a2", "x.html": "x2", "b/c.html": "c1"])
    }

    @Test("Rewriting a file the recycled folder shares with the current output leaves the output alone until commit")
    func sharedFileNotWrittenThrough() throws {
        let folder = try TemporaryFolder([:])
        try build(folder, files: ["page.html": "old"])
        try build(folder, files: [:], reuse: ["page.html": "key of old"])
        // The kept first output's page.html is the current one's, hard-linked; the third build recycles it.
        try build(folder, files: ["page.html": "new"]) { _ in
            #expect(contents(folder, "site") == ["page.html": "old"])
        }
        #expect(contents(folder, "site") == ["page.html": "new"])
        #expect(contents(folder, "cache/site.previous") == ["page.html": "old"])
    }

    @Test("With a cache folder on the output's file system, the former output is kept in it and nothing beside the output")
    func previousInsideCache() throws {
        let folder = try TemporaryFolder([:])
        try build(folder, files: ["a.html": "a1"])
        try build(folder, files: ["a.html": "a2"])
        #expect(contents(folder, "cache/site.previous") == ["a.html": "a1"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted() == ["cache", "site"])
    }

    @Test("Without a cache, the former output is kept beside the output, as a hidden folder")
    func previousBesideWithoutCache() throws {
        let folder = try TemporaryFolder([:])
        let destination = folder.url.appendingPathComponent("site")
        for text in ["a1", "a2"] {
            let output = try OutputFolder(destination: destination)
            try output.write(Array(text.utf8), to: "a.html")
            try output.commit()
        }
        #expect(contents(folder, "site") == ["a.html": "a2"])
        #expect(contents(folder, ".site.previous") == ["a.html": "a1"])
    }

    @Test("A former output an older build kept beside the output is taken into the cache folder once and recycled")
    func formerPreviousMigrates() throws {
        let folder = try TemporaryFolder([".site.previous/old.html": "old", ".site.staging/killed.html": "x"])
        try build(folder, files: ["a.html": "a1"])
        #expect(contents(folder, "site") == ["a.html": "a1"])
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent(".site.previous").path))
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent(".site.staging").path))
        try build(folder, files: ["a.html": "a2"])
        #expect(contents(folder, "site") == ["a.html": "a2"])
        #expect(contents(folder, "cache/site.previous") == ["a.html": "a1"])
    }
}
