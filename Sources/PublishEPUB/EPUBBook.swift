import Foundation
import PublishAST
import PublishPipeline

/// An EPUB 3 book of some posts: chapters, title page, contents and
/// package, zipped. The same posts and options give the same bytes.
public enum EPUBBook {
    /// The book `options` declares, of `site`'s posts.
    public static func make(site: Site, options: BookOptions,
                            environment: [String: String] = ProcessInfo.processInfo.environment)
        throws -> (bytes: [UInt8], diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var posts = select(site, options.selection, diagnostics: &diagnostics, book: options.path)
        if options.newestFirst { posts.reverse() }
        var assembler = BookAssembler(config: site.config, posts: posts.map(BookPost.init), site: site,
                                      options: options, environment: environment, siteWarnedOfRelativeImages: true)
        let bytes = try assembler.assemble()
        return (bytes, diagnostics + assembler.diagnostics)
    }

    /// A one-post book of `document` (read from `sourcePath`), for
    /// `publish render post.md --to epub`. Images are looked for as site
    /// paths in `folder`, the post's folder, or the site around it when
    /// the post is under `_posts`.
    public static func single(document: Document, sourcePath: String, config: SiteConfig = SiteConfig(),
                              folder: URL? = nil,
                              environment: [String: String] = ProcessInfo.processInfo.environment)
        throws -> (bytes: [UInt8], diagnostics: [Diagnostic]) {
        let name = (sourcePath as NSString).lastPathComponent
        let title = document.metadata.title ?? (name as NSString).deletingPathExtension
        let date = document.metadata.date?.date(in: config.timeZone) ?? Date(timeIntervalSince1970: 315_532_800)
        let post = BookPost(document: document, title: title, url: "/" + name, sourcePath: name, date: date)
        var options = BookOptions()
        options.path = (name as NSString).deletingPathExtension + ".epub"
        options.title = title
        options.identifier = "urn:uuid:" + NameUUID.version5(config.absoluteURL("/" + sourcePath))
        let site = Site(config: config, posts: [], source: folder.map(siteRoot))
        var assembler = BookAssembler(config: config, posts: [post], site: site, options: options,
                                      environment: environment)
        let bytes = try assembler.assemble()
        return (bytes, assembler.diagnostics)
    }

    /// The folder holding `_posts` when `folder` is in it, else `folder`.
    static func siteRoot(_ folder: URL) -> URL {
        var current = folder.standardizedFileURL
        while current.pathComponents.count > 1 {
            if current.lastPathComponent == "_posts" { return current.deletingLastPathComponent() }
            current = current.deletingLastPathComponent()
        }
        return folder
    }

    static func select(_ site: Site, _ selection: BookOptions.Selection, diagnostics: inout [Diagnostic],
                       book: String) -> [Post] {
        switch selection {
        case .all:
            return site.posts
        case .category(let name):
            return site.posts.filter { $0.metadata.categories.contains(name) }
        case .tag(let name):
            return site.posts.filter { $0.metadata.tags.contains(name) }
        case .list(let names):
            return names.compactMap { name in
                let found = site.posts.first { post in
                    post.metadata.slug == name || post.sourcePath == name
                        || (post.sourcePath as NSString).lastPathComponent == name
                        || ((post.sourcePath as NSString).lastPathComponent as NSString).deletingPathExtension == name
                }
                if found == nil {
                    diagnostics.append(.warning("the book \(book) names the post '\(name)', which the site does not have"))
                }
                return found
            }
        }
    }
}
