import Foundation
import PublishAST
import PublishReader

/// Finds post files the way Jekyll does: every `_posts` folder at the top
/// of the source or inside an ordinary folder (`blog/_posts`, whose posts
/// get the category `blog`), searched to any depth; `_drafts` likewise when
/// drafts are wanted.
struct PostFinder {
    let source: URL
    /// Top-level names Jekyll leaves alone besides `_` and `.` names.
    var excluded: Set<String> = ["node_modules", "vendor", "Gemfile", "Gemfile.lock"]

    struct Candidate {
        /// Relative to the source folder.
        var path: String
        /// From the folders above `_posts`.
        var categories: [String]
        var isDraft: Bool
    }

    func find(drafts: Bool) -> (candidates: [Candidate], warnings: [Diagnostic]) {
        var candidates: [Candidate] = []
        var warnings: [Diagnostic] = []
        let names = drafts ? ["_posts", "_drafts"] : ["_posts"]
        var folders: [[String]] = [[]]
        while let folder = folders.popLast() {
            for entry in contents(of: folder) {
                let path = folder + [entry]
                guard isDirectory(path) else { continue }
                if names.contains(entry) {
                    for file in files(below: path) {
                        let relative = file.joined(separator: "/")
                        let isDraft = entry == "_drafts"
                        guard let name = file.last, isPostFile(name, isDraft: isDraft) else {
                            warnings.append(.warning(
                                isDraft ? "a draft is a Markdown file (.md or .markdown); skipped"
                                        : "a post's file name is YYYY-MM-DD-slug.md; skipped",
                                at: SourceLocation(path: relative, position: .unknown)))
                            continue
                        }
                        candidates.append(Candidate(path: relative, categories: folder, isDraft: isDraft))
                    }
                } else if !entry.hasPrefix("_"), !entry.hasPrefix("."), !(folder.isEmpty && excluded.contains(entry)) {
                    folders.append(path)
                }
            }
        }
        candidates.sort { $0.path < $1.path }
        return (candidates, warnings.sorted { $0.description < $1.description })
    }

    private func isPostFile(_ name: String, isDraft: Bool) -> Bool {
        if isDraft {
            let ext = name.split(separator: ".").last.map { String($0).lowercased() } ?? ""
            return name.contains(".") && PostFileName.markdownExtensions.contains(ext)
        }
        return PostFileName(path: name)?.isMarkdown ?? false
    }

    private func url(_ path: [String]) -> URL {
        path.reduce(source) { $0.appendingPathComponent($1) }
    }

    private func contents(of path: [String]) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: url(path).path)) ?? []).sorted()
    }

    private func isDirectory(_ path: [String]) -> Bool {
        var directory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url(path).path, isDirectory: &directory) && directory.boolValue
    }

    /// Every file below `path`, to any depth, skipping hidden ones.
    private func files(below path: [String]) -> [[String]] {
        var result: [[String]] = []
        var pending = [path]
        while let folder = pending.popLast() {
            for entry in contents(of: folder) where !entry.hasPrefix(".") {
                let child = folder + [entry]
                if isDirectory(child) { pending.append(child) } else { result.append(child) }
            }
        }
        return result
    }
}
