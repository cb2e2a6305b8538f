import Foundation
import PublishAST
import PublishPipeline

/// Puts a book together: chapters first (they decide which images are
/// embedded), then the pages that list them, then the archive.
struct BookAssembler {
    let posts: [BookPost]
    let options: BookOptions
    let metadata: BookMetadata
    let links: BookLinks
    private var resources: Resources
    private(set) var diagnostics: [Diagnostic] = []
    /// The colours of highlighted code.
    let palette: String

    init(config: SiteConfig, posts: [BookPost], site: Site, options: BookOptions, environment: [String: String],
         siteWarnedOfRelativeImages: Bool = false) {
        self.posts = posts
        palette = config.palette
        self.options = options
        metadata = BookMetadata(options: options, config: config, posts: posts, environment: environment)
        var links = BookLinks(config: config, posts: posts)
        links.siteWarnedOfRelativeImages = siteWarnedOfRelativeImages
        self.links = links
        resources = Resources(site: site)
    }

    mutating func assemble() throws -> [UInt8] {
        if posts.isEmpty { diagnostics.append(.warning("the book \(options.path) has no posts in it")) }
        // Writing and parsing each post on all cores; cleaning (which
        // numbers the images it embeds) in order.
        let markups = Parallel.map(posts) { ChapterPage.markup(of: $0) }
        var chapters: [ChapterPage] = []
        for (index, post) in posts.enumerated() {
            let chapter = ChapterPage(index: index, post: post, markup: markups[index], links: links, resources: &resources)
            diagnostics += chapter.diagnostics
            chapters.append(chapter)
        }
        let labels = BookLabels(language: metadata.language)
        var files: [(path: String, text: String, item: PackageDocument.Item?)] = []
        var items: [PackageDocument.Item] = [
            .init(id: "ncx", href: "toc.ncx", mediaType: "application/x-dtbncx+xml"),
            .init(id: "css", href: "book.css", mediaType: "text/css"),
        ]
        var coverImage: String?
        var front = (type: "titlepage", entry: Navigation.Entry(title: metadata.title, href: "title.xhtml"))
        if !options.cover.isEmpty {
            let path = String(options.cover.drop { $0 == "/" })
            switch resources.embed([path]) {
            case .success(let image):
                coverImage = "cover-image"
                items.append(.init(id: "cover-image", href: image.href, mediaType: image.type.rawValue,
                                   properties: "cover-image"))
                files.append(("cover.xhtml", BookPage.cover(metadata, image: image.href, label: labels.cover),
                              .init(id: "cover", href: "cover.xhtml", mediaType: "application/xhtml+xml",
                                    properties: nil, inSpine: true)))
                front = ("cover", .init(title: labels.cover, href: "cover.xhtml"))
            case .failure:
                diagnostics.append(.warning("the cover '\(options.cover)' of \(options.path) is not a PNG, JPEG, "
                                            + "GIF, WebP or SVG file in the site; the book has a title page only"))
            }
        }
        files.append(("title.xhtml", BookPage.title(metadata),
                      .init(id: "title", href: "title.xhtml", mediaType: "application/xhtml+xml", inSpine: true)))
        let ids = chapters.map(\.content.ids)
        let language = metadata.language
        let pages = Parallel.map(chapters) { $0.xhtml(ids: ids, language: language) }
        for (chapter, (text, found)) in zip(chapters, pages) {
            diagnostics += found
            let href = BookLinks.chapterFile(chapter.index)
            files.append((href, text, .init(id: "chapter-\(chapter.index + 1)", href: href,
                                            mediaType: "application/xhtml+xml", inSpine: true)))
        }
        let navigation = Navigation(metadata: metadata,
                                    chapters: posts.enumerated().map {
                                        .init(title: $1.title, href: BookLinks.chapterFile($0), date: $1.metadata.date)
                                    },
                                    labels: labels, front: front)
        // The contents follow the title page in the reading order, so the
        // landmark pointing at them leads into the spine.
        let titlePage = files.firstIndex { $0.path == "title.xhtml" }! + 1
        files.insert(("nav.xhtml", navigation.nav(), .init(id: "nav", href: "nav.xhtml", mediaType: "application/xhtml+xml",
                                                          properties: "nav", inSpine: true)), at: titlePage)
        files.append(("toc.ncx", navigation.ncx(), nil))
        items += files.compactMap(\.item)
        for (number, resource) in resources.items.enumerated() where resource.href != items.first(where: { $0.id == "cover-image" })?.href {
            items.append(.init(id: "media-\(number + 1)", href: resource.href, mediaType: resource.type.rawValue))
        }
        let package = PackageDocument(metadata: metadata, items: items, coverImage: coverImage)
        var entries: [LibZip.Entry] = [
            .init(path: "mimetype", bytes: Array("application/epub+zip".utf8), stored: true),
            .init(path: "META-INF/container.xml", bytes: Array(PackageDocument.container.utf8)),
            .init(path: "EPUB/package.opf", bytes: Array(package.xml().utf8)),
            .init(path: "EPUB/book.css", bytes: Array(Stylesheet.book(palette: palette).utf8)),
        ]
        let checked = Parallel.map(files.map(\.text)) { text -> (bytes: [UInt8], problem: String?) in
            let bytes = Array(text.utf8)
            return (bytes, LibXML.wellFormednessError(bytes))
        }
        for (file, (bytes, problem)) in zip(files, checked) {
            if let problem {
                diagnostics.append(.error("\(options.path): EPUB/\(file.path) is not well-formed XML (\(problem))"))
            }
            entries.append(.init(path: "EPUB/" + file.path, bytes: bytes))
        }
        for resource in resources.items { entries.append(.init(path: "EPUB/" + resource.href, bytes: resource.bytes)) }
        return try LibZip.archive(entries, modified: metadata.dosTime)
    }
}
