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
        #expect(contents(folder, ".site.previous") == ["a.html": "a2", "x.html": "x2", "b/c.html": "c1"])
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
        #expect(contents(folder, ".site.previous") == ["page.html": "old"])
    }
}
