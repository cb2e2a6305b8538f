import Foundation
import PublishAST
import PublishReader

/// Finds a site's files the way Jekyll does: posts in every `_posts`
/// folder at the top of the source or inside an ordinary folder
/// (`blog/_posts`, whose posts get the category `blog`), searched to any
/// depth, and `_drafts` likewise when drafts are wanted; pages (Markdown
/// with front matter) and static files everywhere outside `_` and `.`
/// folders and the excluded names.
struct PostFinder {
    let source: URL
    /// Paths, relative to the source, that are neither pages nor static files.
    var excluded: Set<String> = []
    /// Paths copied although their names start with `_` or `.`, as Jekyll's
    /// `include` has them: `.well-known`, `_redirects`.
    var included: Set<String> = []
    /// The names of the folders that hold posts and drafts.
    var postsFolder = "_posts"
    var draftsFolder = "_drafts"

    /// What Jekyll and publish never copy, besides `_` and `.` names.
    static let alwaysExcluded: Set<String> = [
        "node_modules", "vendor", "Gemfile", "Gemfile.lock", "publish.yml", "subscribers.db",
    ]

    struct Candidate {
        /// Relative to the source folder.
        var path: String
        /// From the folders above `_posts`.
        var categories: [String]
        var isDraft: Bool
    }

    struct Found {
        var candidates: [Candidate] = []
        /// Markdown files with front matter outside `_` folders.
        var pages: [String] = []
        /// Other files with front matter there (`index.html`, `atom.xml`):
        /// Liquid templates, rendered into the file of the same name.
        var templatePages: [String] = []
        /// `.scss` and `.sass` files with front matter, compiled to CSS.
        var sassFiles: [String] = []
        var staticFiles: [String] = []
        var warnings: [Diagnostic] = []
    }

    func find(drafts: Bool) -> Found {
        var found = Found()
        var candidates: [Candidate] = []
        var warnings: [Diagnostic] = []
        var links = Links(root: source.resolvingSymlinksInPath().path)
        let names = drafts ? [postsFolder, draftsFolder] : [postsFolder]
        var folders: [[String]] = [[]]
        links.enter(source.resolvingSymlinksInPath().path)
        while let folder = folders.popLast() {
            for entry in contents(of: folder, warnings: &warnings) {
                let path = folder + [entry]
                let relative = path.joined(separator: "/")
                let isIncluded = included.contains(relative)
                guard !entry.hasPrefix(".") || isIncluded, !Self.alwaysExcluded.contains(entry),
                      !excluded.contains(relative), links.admit(filePath(path), relative: relative) else {
                    continue
                }
                guard isDirectory(path) else {
                    if !entry.hasPrefix("_") || isIncluded {
                        switch kind(of: path) {
                        case .page: found.pages.append(relative)
                        case .templatePage: found.templatePages.append(relative)
                        case .sass: found.sassFiles.append(relative)
                        case .staticFile: found.staticFiles.append(relative)
                        }
                    }
                    continue
                }
                if names.contains(entry) {
                    let isDraft = entry == draftsFolder
                    var folders: [[String]] = []
                    for file in files(below: path, links: &links, folders: &folders, warnings: &warnings) {
                        let relative = file.joined(separator: "/")
                        guard let name = file.last, isPostFile(name, isDraft: isDraft) else {
                            warnings.append(.warning(
                                isDraft ? "a draft is a Markdown file (.md or .markdown); skipped"
                                        : "a post's file name is YYYY-MM-DD-slug.md; skipped",
                                at: SourceLocation(path: relative, position: .unknown)))
                            continue
                        }
                        candidates.append(Candidate(path: relative, categories: folder, isDraft: isDraft))
                    }
                    // A folder named as a post would be (`2020-01-01-x.md/`) is surely meant as one.
                    for inner in folders where inner.last.map({ isPostFile($0, isDraft: isDraft) }) == true {
                        warnings.append(.warning("this is a folder named like a post; a post is a file, so it is not one",
                                                 at: SourceLocation(path: inner.joined(separator: "/"), position: .unknown)))
                    }
                } else if !entry.hasPrefix("_") || isIncluded {
                    // Another site kept inside this one is that site's business.
                    if !isIncluded, let marker = ["_config.yml", "publish.yml"].first(where: { isFile(path + [$0]) }) {
                        warnings.append(.warning("this folder is a site of its own (it has \(marker)); it is not part of this build",
                                                 at: SourceLocation(path: relative, position: .unknown)))
                        continue
                    }
                    folders.append(path)
                }
            }
        }
        found.candidates = candidates.sorted { $0.path < $1.path }
        found.warnings = (warnings + links.warnings).sorted { $0.description < $1.description }
        found.pages.sort()
        found.staticFiles.sort()
        return found
    }

    private func isFile(_ path: [String]) -> Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: filePath(path), isDirectory: &isFolder) && !isFolder.boolValue
    }

    /// A Markdown file that starts with a `---` line is a page.
    private enum Kind {
        case page, templatePage, sass, staticFile
    }

    /// A file with front matter is a page: Markdown, Sass, or a Liquid
    /// template of any other kind; any other file is copied as it is.
    private func kind(of path: [String]) -> Kind {
        let name = path.last ?? ""
        let ext = name.contains(".") ? name.split(separator: ".").last.map { String($0).lowercased() } ?? "" : ""
        guard let handle = FileHandle(forReadingAtPath: filePath(path)) else { return .staticFile }
        defer { try? handle.close() }
        let head = handle.readData(ofLength: 5)
        guard head.starts(with: Array("---\n".utf8)) || head.starts(with: Array("---\r\n".utf8)) else { return .staticFile }
        if ["scss", "sass"].contains(ext) { return .sass }
        return PostFileName.markdownExtensions.contains(ext) ? .page : .templatePage
    }

    private func isPostFile(_ name: String, isDraft: Bool) -> Bool {
        if isDraft {
            let ext = name.split(separator: ".").last.map { String($0).lowercased() } ?? ""
            return name.contains(".") && PostFileName.markdownExtensions.contains(ext)
        }
        return PostFileName(path: name)?.isMarkdown ?? false
    }

    /// The file's path, joined as a string: a `URL` per name cost more
    /// than looking the files up.
    private func filePath(_ path: [String]) -> String {
        ([source.path] + path).joined(separator: "/")
    }

    /// The folder's names, sorted; a name that is not UTF-8 is a warning
    /// saying so, and left out, since no path could name it again.
    private func contents(of path: [String], warnings: inout [Diagnostic]) -> [String] {
        let listed = FileTree.names(in: filePath(path))
        for name in listed.notUTF8 {
            warnings.append(.warning("this file name is not valid UTF-8, so it is left out; rename it",
                                     at: SourceLocation(path: (path + [name]).joined(separator: "/"), position: .unknown)))
        }
        return listed.names
    }

    private func isDirectory(_ path: [String]) -> Bool {
        var directory: ObjCBool = false
        return FileManager.default.fileExists(atPath: filePath(path), isDirectory: &directory) && directory.boolValue
    }

    /// Every file below `path`, to any depth, skipping hidden ones.
    /// The folders met on the way are added to `folders`.
    private func files(below path: [String], links: inout Links, folders: inout [[String]],
                       warnings: inout [Diagnostic]) -> [[String]] {
        var result: [[String]] = []
        var pending = [path]
        while let folder = pending.popLast() {
            for entry in contents(of: folder, warnings: &warnings) where !entry.hasPrefix(".") {
                let child = folder + [entry]
                guard links.admit(filePath(child), relative: child.joined(separator: "/")) else { continue }
                if isDirectory(child) {
                    pending.append(child)
                    folders.append(child)
                } else {
                    result.append(child)
                }
            }
        }
        return result
    }

    /// Symbolic links met on the walk. One whose target is outside the site
    /// is not followed (a clone of someone's blog may link to `/etc`); a
    /// folder is read once however many links lead to it, so a link back
    /// up (`ln -s . _posts/loop`) ends the walk there; each is said once.
    struct Links {
        let root: String
        private var folders: Set<String> = []
        private(set) var warnings: [Diagnostic] = []

        init(root: String) {
            self.root = root
        }

        mutating func enter(_ folder: String) {
            folders.insert(folder)
        }

        /// Whether the walk takes the entry at `path`.
        mutating func admit(_ path: String, relative: String) -> Bool {
            var status = stat()
            guard lstat(path, &status) == 0 else { return false }
            let isLink = status.st_mode & S_IFMT == S_IFLNK
            if isLink {
                guard let target = SiteBoundary.resolve(URL(fileURLWithPath: path), inside: root) else {
                    warnings.append(.warning("this is a link to something outside the site, so it is not read",
                                             at: SourceLocation(path: relative, position: .unknown)))
                    return false
                }
                var resolved = stat()
                guard stat(target, &resolved) == 0 else { return false }
                if resolved.st_mode & S_IFMT == S_IFDIR {
                    guard folders.insert(target).inserted else {
                        warnings.append(.warning("this link leads to a folder the build reads already, so it is not read again",
                                                 at: SourceLocation(path: relative, position: .unknown)))
                        return false
                    }
                }
                return true
            }
            if status.st_mode & S_IFMT == S_IFDIR {
                return folders.insert(URL(fileURLWithPath: path).resolvingSymlinksInPath().path).inserted
            }
            return true
        }
    }
}
