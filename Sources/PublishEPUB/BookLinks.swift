import Foundation
import PublishPipeline

/// Where a post's links and images lead once the post is a chapter: to
/// another chapter (and heading) of the book, to a file to embed, or to
/// an absolute URL on the site.
struct BookLinks: Sendable {
    enum Target: Equatable {
        case chapter(Int, fragment: String?)
        case external(String)
        /// Cannot be made absolute: the site has no `url`.
        case unreachable
        /// A `javascript:` URL, which a book never runs.
        case script
    }

    /// `url` + `baseurl`: what site paths are appended to.
    let siteRoot: String
    /// Whether the site's posts were read by a build, which has warned of
    /// every image with a relative path that is not in the site (`PostLinks`),
    /// so that the book need not say it again.
    var siteWarnedOfRelativeImages = false
    let baseurl: String
    private let chapters: [String: Int]

    init(config: SiteConfig, posts: [BookPost]) {
        siteRoot = config.url.isEmpty ? "" : config.absoluteURL("")
        baseurl = config.baseurl
        var chapters: [String: Int] = [:]
        for (index, post) in posts.enumerated() where chapters[BookLinks.key(post.url)] == nil {
            chapters[BookLinks.key(post.url)] = index
        }
        self.chapters = chapters
    }

    static func chapterFile(_ index: Int) -> String {
        let number = String(index + 1)
        return "chapter-" + String(repeating: "0", count: max(0, 4 - number.count)) + number + ".xhtml"
    }

    func target(of href: String, from postURL: String, chapter: Int) -> Target {
        let lower = href.lowercased()
        if lower.hasPrefix("javascript:") || lower.hasPrefix("vbscript:") { return .script }
        if href.hasPrefix("#") { return .chapter(chapter, fragment: decoded(String(href.dropFirst()))) }
        if href.hasPrefix("//") { return .external("https:" + href) }
        if let scheme = BookLinks.scheme(of: href) {
            let onSite = siteRoot.isEmpty ? nil : BookLinks.pathOnSite(href, root: siteRoot)
            guard scheme == "http" || scheme == "https", let path = onSite else { return .external(href) }
            return target(ofSitePath: path)
        }
        return target(ofSitePath: BookLinks.resolve(href, against: postURL))
    }

    /// A site path (with the baseurl, if the author wrote it), with any
    /// query and fragment.
    private func target(ofSitePath reference: String) -> Target {
        let (path, fragment) = BookLinks.splitFragment(reference)
        let bare = path.split(separator: "?", maxSplits: 1).first.map(String.init) ?? ""
        var candidates = [bare]
        if !baseurl.isEmpty, bare.hasPrefix(baseurl) { candidates.insert(String(bare.dropFirst(baseurl.count)), at: 0) }
        for candidate in candidates {
            if let index = chapters[BookLinks.key(candidate)] { return .chapter(index, fragment: fragment.map(decoded)) }
        }
        guard !siteRoot.isEmpty, let host = URL(string: siteRoot), host.host != nil else { return .unreachable }
        let onSite = !baseurl.isEmpty && path.hasPrefix(baseurl + "/") ? String(path.dropFirst(baseurl.count)) : path
        return .external(siteRoot + onSite + (fragment.map { "#" + $0 } ?? ""))
    }

    /// The site paths (no leading slash) an image's `src` may name, in the
    /// order tried: against the post's URL, the site's root, the post's
    /// own folder. Nil for a remote image.
    func imagePaths(_ src: String, postURL: String, postSource: String) -> [String]? {
        if src.hasPrefix("//") { return nil }
        if BookLinks.scheme(of: src) != nil {
            guard !siteRoot.isEmpty, let path = BookLinks.pathOnSite(src, root: siteRoot) else { return nil }
            return [strip(path)]
        }
        let path = BookLinks.splitFragment(src).path.split(separator: "?", maxSplits: 1).first.map(String.init) ?? ""
        var candidates = [strip(BookLinks.resolve(path, against: postURL))]
        if !path.hasPrefix("/") {
            candidates.append(strip(BookLinks.resolve(path, against: "/")))
            let folder = postSource.split(separator: "/").dropLast().joined(separator: "/")
            candidates.append(strip(BookLinks.resolve(path, against: "/" + folder + (folder.isEmpty ? "" : "/"))))
        }
        var seen: Set<String> = []
        return candidates.filter { seen.insert($0).inserted }
    }

    private func strip(_ path: String) -> String {
        var path = decoded(path)
        if !baseurl.isEmpty, path.hasPrefix(baseurl + "/") { path = String(path.dropFirst(baseurl.count)) }
        return String(path.drop { $0 == "/" })
    }

    private func decoded(_ text: String) -> String { text.removingPercentEncoding ?? text }

    /// One spelling for the ways a post's URL is written: encoded or not,
    /// with or without `.html` or `index.html`.
    static func key(_ path: String) -> String {
        var path = path.removingPercentEncoding ?? path
        if path.hasSuffix("/index.html") { path = String(path.dropLast("index.html".count)) }
        if path.hasSuffix(".html") { path = String(path.dropLast(".html".count)) }
        if path.hasSuffix("/") { path = String(path.dropLast()) }
        return path.hasPrefix("/") ? path : "/" + path
    }

    static func scheme(of reference: String) -> String? {
        guard let colon = reference.firstIndex(of: ":") else { return nil }
        let scheme = reference[..<colon]
        guard let first = scheme.first, first.isASCII, first.isLetter,
              scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }) else { return nil }
        return scheme.lowercased()
    }

    /// The path after `root` when `url` is on the site.
    static func pathOnSite(_ url: String, root: String) -> String? {
        for prefix in [root, root.replacingOccurrences(of: "https://", with: "http://"),
                       root.replacingOccurrences(of: "http://", with: "https://")] {
            if url == prefix { return "/" }
            if url.hasPrefix(prefix), let next = url.dropFirst(prefix.count).first, "/?#".contains(next) {
                return String(url.dropFirst(prefix.count))
            }
        }
        return nil
    }

    static func splitFragment(_ reference: String) -> (path: String, fragment: String?) {
        guard let hash = reference.firstIndex(of: "#") else { return (reference, nil) }
        return (String(reference[..<hash]), String(reference[reference.index(after: hash)...]))
    }

    /// `reference` resolved against the site path `base`, dot segments
    /// removed (RFC 3986, 5.2), its query and fragment kept.
    static func resolve(_ reference: String, against base: String) -> String {
        var path = reference
        var suffix = ""
        if let mark = path.firstIndex(where: { $0 == "?" || $0 == "#" }) {
            suffix = String(path[mark...])
            path = String(path[..<mark])
        }
        if path.isEmpty { return base + suffix }
        if !path.hasPrefix("/") { path = String(base[...(base.lastIndex(of: "/") ?? base.startIndex)]) + path }
        if !path.hasPrefix("/") { path = "/" + path }
        var segments: [Substring] = []
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        for (offset, part) in parts.enumerated() {
            let last = offset == parts.count - 1
            switch part {
            case ".": if last { segments.append("") }
            case "..":
                if !segments.isEmpty { segments.removeLast() }
                if last { segments.append("") }
            default: segments.append(part)
            }
        }
        return "/" + segments.joined(separator: "/") + suffix
    }
}
