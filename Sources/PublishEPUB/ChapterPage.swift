import PublishAST
import PublishWriters

/// One post as a chapter: its tree written by the HTML writer, read back
/// through libxml2's HTML parser (which also repairs the raw HTML in it),
/// then cleaned for EPUB.
struct ChapterPage {
    let index: Int
    let post: BookPost
    let locator: PostLocator
    private(set) var content = ChapterContent()
    private(set) var diagnostics: [Diagnostic] = []

    /// `markup` is `ChapterPage.markup(of: post)`, which may be made on any
    /// thread; the cleaning that embeds images goes in the chapters' order.
    init(index: Int, post: BookPost, markup: [Markup], links: BookLinks, resources: inout Resources) {
        self.index = index
        self.post = post
        locator = PostLocator(post.document)
        var cleaner = ChapterCleaner(index: index, post: (post.url, post.sourcePath), links: links, locator: locator)
        cleaner.clean(markup, resources: &resources)
        content = cleaner.content
        diagnostics = cleaner.diagnostics
    }

    /// The post written by the HTML writer and read back by libxml2's HTML parser.
    static func markup(of post: BookPost) -> [Markup] {
        LibXML.parseHTML(HTMLWriter(options: HTMLOptions(rawHTML: .keep)).render(post.document))
    }

    /// The chapter's language: its post's `lang`, else the book's, unless
    /// its text says otherwise. A chapter mostly in Latin letters in a
    /// Chinese, Japanese or Korean book is marked English, the likeliest, so
    /// that it is not set as CJK (justified, in a Song face); a chapter in
    /// another East Asian script than the book's gets that one.
    func chapterLanguage(book: String) -> String {
        if let own = LanguageTag.normalized(post.metadata.language ?? "") { return own }
        let bookScript = book.lowercased().split(separator: "-").first.map(String.init) ?? ""
        switch TextScript.of([post.document]) {
        case .none: return book
        case .latin: return ["zh", "ja", "ko"].contains(bookScript) ? "en" : book
        case .eastAsian(let script): return script == bookScript ? book : script
        }
    }

    /// The chapter's XHTML, its links resolved against every chapter's ids.
    func xhtml(ids: [Set<String>], language: String) -> (text: String, diagnostics: [Diagnostic]) {
        var writer = XHTMLWriter()
        writer.raw("<section epub:type=\"chapter\" class=\"chapter\">\n<header>\n<h1 class=\"chapter-title\">")
        writer.write(.text(post.title))
        writer.raw("</h1>\n")
        if let date = post.metadata.date {
            writer.raw("<p class=\"chapter-date\">")
            writer.write(.text(BookPage.day(date)))
            writer.raw("</p>\n")
        }
        writer.raw("</header>\n")
        let found = ChapterLinks(index: index, ids: ids, locator: locator).write(content, into: &writer)
        writer.raw("\n</section>")
        let page = XHTMLWriter.page(title: post.title, language: chapterLanguage(book: language),
                                    bodyType: "bodymatter", body: writer.out)
        return (page, found)
    }
}
