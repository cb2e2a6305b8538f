import PublishWriters
/// The book's tables of contents: `nav.xhtml` for EPUB 3 reading systems
/// (contents and landmarks) and `toc.ncx` for EPUB 2 ones.
struct Navigation {
    struct Entry {
        var title: String
        var href: String
    }

    var metadata: BookMetadata
    var chapters: [Entry]
    var labels: BookLabels
    /// The first page of the book (cover or title page), for landmarks.
    var front: (type: String, entry: Entry)

    func nav() -> String {
        var body = "<nav epub:type=\"toc\" id=\"toc\">\n<h1>\(XMLText.escaped(labels.contents))</h1>\n<ol>\n"
        for chapter in chapters {
            body += "<li><a href=\"\(XMLText.attribute(chapter.href))\">\(XMLText.escaped(chapter.title))</a></li>\n"
        }
        if chapters.isEmpty { body += "<li><a href=\"\(front.entry.href)\">\(XMLText.escaped(front.entry.title))</a></li>\n" }
        body += "</ol>\n</nav>\n<nav epub:type=\"landmarks\" id=\"landmarks\" hidden=\"hidden\">\n<ol>\n"
        body += "<li><a epub:type=\"\(front.type)\" href=\"\(front.entry.href)\">\(XMLText.escaped(front.entry.title))</a></li>\n"
        body += "<li><a epub:type=\"toc\" href=\"nav.xhtml#toc\">\(XMLText.escaped(labels.contents))</a></li>\n"
        if let first = chapters.first {
            body += "<li><a epub:type=\"bodymatter\" href=\"\(first.href)\">\(XMLText.escaped(labels.start))</a></li>\n"
        }
        body += "</ol>\n</nav>"
        return XHTMLWriter.page(title: metadata.title, language: metadata.language, body: body)
    }

    func ncx() -> String {
        var points = ""
        let entries = chapters.isEmpty ? [front.entry] : chapters
        for (number, entry) in entries.enumerated() {
            points += """
            <navPoint id="point-\(number + 1)" playOrder="\(number + 1)">
            <navLabel><text>\(XMLText.escaped(entry.title))</text></navLabel>
            <content src="\(XMLText.attribute(entry.href))"/>
            </navPoint>

            """
        }
        return """
        <?xml version="1.0" encoding="UTF-8"?>
        <ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1" xml:lang="\(XMLText.attribute(metadata.language))">
        <head>
        <meta name="dtb:uid" content="\(XMLText.attribute(metadata.identifier))"/>
        <meta name="dtb:depth" content="1"/>
        <meta name="dtb:totalPageCount" content="0"/>
        <meta name="dtb:maxPageNumber" content="0"/>
        </head>
        <docTitle><text>\(XMLText.escaped(metadata.title))</text></docTitle>
        <navMap>
        \(points)</navMap>
        </ncx>

        """
    }
}
