import Foundation
import PublishAST
import PublishReader

/// Links written to another post's or page's source file
/// (`2014-06-16-hello.md`, `../_posts/2014-06-16-hello.md#usage`) become
/// links to its URL, with the baseurl, so they work on the site; the EPUB
/// and other emitters map those URLs to their own places.
///
/// Images written with a relative path (`images/torii.jpg`) become the
/// site path of the file they name, found from the post's own folder or
/// from the site's root: written as they are, they would be looked for
/// under the post's URL (`/2017/05/14/images/torii.jpg`) and not found, on
/// the site, in feeds and in email alike.
public struct PostLinks: Sendable {
    /// Site URL (with baseurl) by source path.
    let urls: [String: String]
    /// Source paths by file name, for names written without a folder.
    let byName: [String: [String]]
    /// The files copied to the site as they are, from the site folder.
    let staticFiles: Set<String>
    let baseurl: String

    init(posts: [Post], pages: [Page], staticFiles: [String] = [], baseurl: String) {
        var urls: [String: String] = [:]
        for post in posts { urls[post.sourcePath] = baseurl + post.url }
        for page in pages { urls[page.sourcePath] = baseurl + page.url }
        self.urls = urls
        var byName: [String: [String]] = [:]
        for path in urls.keys.sorted() { byName[(path as NSString).lastPathComponent, default: []].append(path) }
        self.byName = byName
        self.staticFiles = Set(staticFiles)
        self.baseurl = baseurl
    }

    /// Rewrites the links and image sources of `document`, read from
    /// `path`; warns about a link to a Markdown file that is no post or
    /// page, and an image that is no file of the site.
    func resolve(in document: inout Document, path: String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var edits: [(NodeID, NodeKind)] = []
        for case .enter(let node) in document.events() {
            switch document.kind(of: node) {
            case .inline(.link(let destination, let title)):
                guard let (file, fragment) = Self.markdownFile(destination) else { continue }
                if let url = lookUp(file, from: path) {
                    edits.append((node, .inline(.link(destination: url + fragment, title: title))))
                } else {
                    diagnostics.append(PostLinks.unknown(file, at: document.location(of: node)))
                }
            case .inline(.image(let source, let title)):
                guard let file = Self.relativeFile(source) else { continue }
                if let url = lookUp(file, from: path) {
                    edits.append((node, .inline(.image(source: url, title: title))))
                } else {
                    diagnostics.append(PostLinks.unknown(file, at: document.location(of: node)))
                }
            default:
                continue
            }
        }
        for (node, kind) in edits { document.setKind(kind, of: node) }
        return diagnostics
    }

    /// The warning for a reference to `file`, which is no post, page or
    /// file of the site.
    static func unknown(_ file: String, at location: SourceLocation?) -> Diagnostic {
        isMarkdown(file)
            ? .warning("this link points at \(file), which is not a post or page of the site", at: location)
            : .warning("this image points at \(file), which is not a file of the site", at: location)
    }

    /// The references of `document` to site files, in the order `resolve`
    /// meets them: links to Markdown files and images with a relative
    /// path, the file part of each, and where it is.
    static func references(in document: Document) -> [(file: String, location: SourceLocation)] {
        var found: [(file: String, location: SourceLocation)] = []
        for case .enter(let node) in document.events() {
            switch document.kind(of: node) {
            case .inline(.link(let destination, _)):
                if let (file, _) = markdownFile(destination) { found.append((file, document.location(of: node))) }
            case .inline(.image(let source, _)):
                if let file = relativeFile(source) { found.append((file, document.location(of: node))) }
            default:
                continue
            }
        }
        return found
    }

    private static func isMarkdown(_ file: String) -> Bool {
        PostFileName.markdownExtensions.contains((file as NSString).pathExtension.lowercased())
    }

    /// The file part and the `#fragment` of a relative link to a Markdown file.
    private static func markdownFile(_ destination: String) -> (String, String)? {
        guard !destination.contains("://"), !destination.hasPrefix("mailto:"), !destination.hasPrefix("#") else {
            return nil
        }
        let hash = destination.firstIndex(of: "#") ?? destination.endIndex
        let file = String(destination[..<hash]).removingPercentEncoding ?? String(destination[..<hash])
        guard isMarkdown(file) else { return nil }
        return (file, String(destination[hash...]))
    }

    /// The file an image source names by a relative path; nil for an
    /// address (`https:`, `data:`, `//host`), a site path (`/images/x.png`)
    /// or a fragment.
    public static func relativeFile(_ source: String) -> String? {
        guard !source.isEmpty, !source.hasPrefix("/"), !source.hasPrefix("#"),
              source.range(of: "^[A-Za-z][A-Za-z0-9+.-]*:", options: .regularExpression) == nil else { return nil }
        let end = source.firstIndex { $0 == "?" || $0 == "#" } ?? source.endIndex
        let file = String(source[..<end])
        return file.removingPercentEncoding ?? file
    }

    /// `path` with `.` and `..` folded (`notes/_posts/../figures/a.png` is
    /// `notes/figures/a.png`); nil when it climbs out of the site.
    static func normalized(_ path: String) -> String? {
        var parts: [Substring] = []
        for part in path.split(separator: "/") where part != "." {
            if part == ".." {
                guard parts.popLast() != nil else { return nil }
            } else {
                parts.append(part)
            }
        }
        return parts.joined(separator: "/")
    }

    /// The site URL of `file`, written in `path`: a Markdown file's page,
    /// any other file's copy in the site, looked for from the folder of
    /// `path` and then from the site's root.
    func lookUp(_ file: String, from path: String) -> String? {
        let folder = (path as NSString).deletingLastPathComponent
        let candidates = [
            file.hasPrefix("/") ? String(file.dropFirst()) : (folder as NSString).appendingPathComponent(file),
            file,
        ].compactMap(Self.normalized)
        guard Self.isMarkdown(file) else {
            guard let found = candidates.first(where: { staticFiles.contains($0) }) else { return nil }
            return baseurl + "/" + found
        }
        for candidate in candidates {
            if let url = urls[candidate] { return url }
        }
        let named = byName[(file as NSString).lastPathComponent] ?? []
        return named.count == 1 ? urls[named[0]] : nil
    }
}
