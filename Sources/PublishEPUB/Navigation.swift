import PublishAST
import PublishWriters

/// The book's tables of contents: `nav.xhtml` for EPUB 3 reading systems
/// (contents and landmarks) and `toc.ncx` for EPUB 2 ones. A long book
/// (more than `groupingThreshold` chapters over more than one year) lists
/// its chapters under their years, each with its day, so that a blog of
/// hundreds of posts is not one flat list.
struct Navigation {
    struct Entry {
        var title: String
        var href: String
        var date: PostDate?
    }

    static let groupingThreshold = 30

    var metadata: BookMetadata
    var chapters: [Entry]
    var labels: BookLabels
    /// The first page of the book (cover or title page), for landmarks.
    var front: (type: String, entry: Entry)

    /// The chapters by year, oldest first as they come; nil when the book
    /// is short or all in one year.
    var years: [(year: Int, chapters: [Entry])]? {
        guard chapters.count > Self.groupingThreshold, chapters.allSatisfy({ $0.date != nil }) else { return nil }
        var groups: [(year: Int, chapters: [Entry])] = []
        for chapter in chapters {
            let year = chapter.date!.year
            if groups.last?.year == year { groups[groups.count - 1].chapters.append(chapter) } else { groups.append((year, [chapter])) }
        }
        return groups.count > 1 ? groups : nil
    }

    /// A chapter's line in a grouped contents: its day, then its title.
    private static func dated(_ entry: Entry) -> String {
        guard let date = entry.date else { return entry.title }
        return String(BookPage.day(date).dropFirst(5)) + " · " + entry.title
    }

    func nav() -> String {
        var body = "<nav epub:type=\"toc\" id=\"toc\">\n<h1>\(XMLText.escaped(labels.contents))</h1>\n<ol>\n"
        if let years {
            for group in years {
                body += "<li><span>\(group.year)</span>\n<ol>\n"
                for chapter in group.chapters {
                    body += "<li><a href=\"\(XMLText.attribute(chapter.href))\">\(XMLText.escaped(Self.dated(chapter)))</a></li>\n"
                }
                body += "</ol>\n</li>\n"
            }
        } else {
            for chapter in chapters {
                body += "<li><a href=\"\(XMLText.attribute(chapter.href))\">\(XMLText.escaped(chapter.title))</a></li>\n"
            }
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
        var order = 0
        func point(_ title: String, href: String, children: [Entry] = []) {
            order += 1
            points += "<navPoint id=\"point-\(order)\" playOrder=\"\(order)\">\n"
                + "<navLabel><text>\(XMLText.escaped(title))</text></navLabel>\n"
                + "<content src=\"\(XMLText.attribute(href))\"/>\n"
            // A year points at its first chapter, which shares its place in the reading order.
            for (index, child) in children.enumerated() {
                if index > 0 { order += 1 }
                points += "<navPoint id=\"point-\(order)-\(index + 1)\" playOrder=\"\(order)\">\n"
                    + "<navLabel><text>\(XMLText.escaped(Self.dated(child)))</text></navLabel>\n"
                    + "<content src=\"\(XMLText.attribute(child.href))\"/>\n</navPoint>\n"
            }
            points += "</navPoint>\n"
        }
        if let years {
            for group in years { point(String(group.year), href: group.chapters[0].href, children: group.chapters) }
        } else {
            for entry in chapters.isEmpty ? [front.entry] : chapters { point(entry.title, href: entry.href) }
        }
        return """
        <?xml version="1.0" encoding="UTF-8"?>
        <ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1" xml:lang="\(XMLText.attribute(metadata.language))">
        <head>
        <meta name="dtb:uid" content="\(XMLText.attribute(metadata.identifier))"/>
        <meta name="dtb:depth" content="\(years == nil ? 1 : 2)"/>
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
