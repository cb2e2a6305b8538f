import Foundation
import PublishPipeline
import TestSupport
import Testing

@Suite("File trees made and removed with system calls")
struct FileTreeTests {
    @Test("Removing a folder removes every file and folder below it, and only it")
    func removesTree() throws {
        let folder = try TemporaryFolder([
            "out/index.html": "a", "out/2014/06/16/post.html": "b", "out/2014/06/17/other.html": "c",
            "out/.hidden/x": "d", "out/empty-later/y": "e", "kept/file.txt": "f",
        ])
        try FileManager.default.removeItem(at: folder.url.appendingPathComponent("out/empty-later/y"))
        try FileManager.default.createSymbolicLink(at: folder.url.appendingPathComponent("out/link"),
                                                   withDestinationURL: folder.url.appendingPathComponent("kept"))
        try FileTree.remove(folder.url.appendingPathComponent("out").path)
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("out").path))
        // The link was removed, not followed.
        #expect(folder.read("kept/file.txt") == "f")
    }

    @Test("Removing a file, or nothing, works; a hard link's other name stays")
    func removesFileAndNothing() throws {
        let folder = try TemporaryFolder(["a.txt": "a"])
        try FileTree.hardLink(folder.url.appendingPathComponent("a.txt").path,
                              at: folder.url.appendingPathComponent("b.txt").path)
        try FileTree.remove(folder.url.appendingPathComponent("a.txt").path)
        try FileTree.remove(folder.url.appendingPathComponent("missing").path)
        #expect(!folder.exists("a.txt"))
        #expect(folder.read("b.txt") == "a")
    }

    @Test("Making a folder makes its missing parents; one already there is fine")
    func makesParents() throws {
        let folder = try TemporaryFolder(["a/file": "x"])
        let deep = folder.url.appendingPathComponent("a/b/c/d").path
        try FileTree.makeFolder(deep)
        try FileTree.makeFolder(deep)
        var isFolder: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: deep, isDirectory: &isFolder) && isFolder.boolValue)
        #expect(throws: (any Error).self) { try FileTree.makeFolder(folder.url.appendingPathComponent("a/file/x").path) }
    }

    @Test("A hard link over an existing file is refused")
    func linkRefusesExisting() throws {
        let folder = try TemporaryFolder(["a": "1", "b": "2"])
        #expect(throws: (any Error).self) {
            try FileTree.hardLink(folder.url.appendingPathComponent("a").path, at: folder.url.appendingPathComponent("b").path)
        }
        #expect(folder.read("b") == "2")
    }

    @Test("The regular files below a folder, hidden ones too, links neither followed nor listed")
    func listsRegularFiles() throws {
        let folder = try TemporaryFolder(["out/index.html": "a", "out/2014/06/16/post.html": "b", "out/.well-known/x": "c",
                                          "elsewhere/y": "d"])
        try FileManager.default.createSymbolicLink(at: folder.url.appendingPathComponent("out/link"),
                                                   withDestinationURL: folder.url.appendingPathComponent("elsewhere"))
        let files = FileTree.regularFiles(below: folder.url.appendingPathComponent("out").path).sorted()
        #expect(files == [".well-known/x", "2014/06/16/post.html", "index.html"])
        #expect(FileTree.regularFiles(below: folder.url.appendingPathComponent("missing").path).isEmpty)
    }
}
