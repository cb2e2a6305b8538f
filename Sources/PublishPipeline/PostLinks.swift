import Foundation
import PublishAST
import PublishReader

/// Links written to another post's or page's source file
/// (`2014-06-16-hello.md`, `../_posts/2014-06-16-hello.md#usage`) become
/// links to its URL, with the baseurl, so they work on the site; the EPUB
/// and other emitters map those URLs to their own places.
struct PostLinks {
    /// Site URL (with baseurl) by source path.
    let urls: [String: String]
    /// Source paths by file name, for names written without a folder.
    let byName: [String: [String]]

    init(posts: [Post], pages: [Page], baseurl: String) {
        var urls: [String: String] = [:]
        for post in posts { urls[post.sourcePath] = baseurl + post.url }
        for page in pages { urls[page.sourcePath] = baseurl + page.url }
        self.urls = urls
        var byName: [String: [String]] = [:]
        for path in urls.keys.sorted() { byName[(path as NSString).lastPathComponent, default: []].append(path) }
        self.byName = byName
    }

    /// Rewrites the links of `document`, read from `path`; warns about a
    /// link to a Markdown file that is no post or page.
    func resolve(in document: inout Document, path: String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var edits: [(NodeID, String, String)] = []
        for case .enter(let node) in document.events() {
            guard case .inline(.link(let destination, let title)) = document.kind(of: node),
                  let (file, fragment) = Self.markdownFile(destination) else { continue }
            if let url = lookUp(file, from: path) {
                edits.append((node, url + fragment, title))
            } else {
                diagnostics.append(PostLinks.unknown(file, at: document.location(of: node)))
            }
        }
        for (node, destination, title) in edits {
            document.setKind(.inline(.link(destination: destination, title: title)), of: node)
        }
        return diagnostics
    }

    /// The warning for a link to `file`, which is no post or page.
    static func unknown(_ file: String, at location: SourceLocation?) -> Diagnostic {
        .warning("this link points at \(file), which is not a post or page of the site", at: location)
    }

    /// The links of `document` to Markdown files, in the order `resolve`
    /// meets them: the file part of each, and where it is.
    static func markdownLinks(in document: Document) -> [(file: String, location: SourceLocation)] {
        var links: [(file: String, location: SourceLocation)] = []
        for case .enter(let node) in document.events() {
            guard case .inline(.link(let destination, _)) = document.kind(of: node),
                  let (file, _) = markdownFile(destination) else { continue }
            links.append((file, document.location(of: node)))
        }
        return links
    }

    /// The file part and the `#fragment` of a relative link to a Markdown file.
    private static func markdownFile(_ destination: String) -> (String, String)? {
        guard !destination.contains("://"), !destination.hasPrefix("mailto:"), !destination.hasPrefix("#") else {
            return nil
        }
        let hash = destination.firstIndex(of: "#") ?? destination.endIndex
        let file = String(destination[..<hash]).removingPercentEncoding ?? String(destination[..<hash])
        let ext = (file as NSString).pathExtension.lowercased()
        guard PostFileName.markdownExtensions.contains(ext) else { return nil }
        return (file, String(destination[hash...]))
    }

    /// The site URL of the Markdown file `file`, linked from `path`.
    func lookUp(_ file: String, from path: String) -> String? {
        let folder = (path as NSString).deletingLastPathComponent
        let candidates = [
            file.hasPrefix("/") ? String(file.dropFirst()) : (folder as NSString).appendingPathComponent(file),
            file,
        ].map { ($0 as NSString).standardizingPath }
        for candidate in candidates {
            if let url = urls[candidate] { return url }
        }
        let named = byName[(file as NSString).lastPathComponent] ?? []
        return named.count == 1 ? urls[named[0]] : nil
    }
}
