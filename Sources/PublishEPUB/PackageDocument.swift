import PublishWriters
/// The EPUB 3 package document (`package.opf`): metadata, every file in
/// the book, and the reading order.
struct PackageDocument {
    struct Item {
        var id: String
        var href: String
        var mediaType: String
        var properties: String?
        /// In the reading order, in the order items are given.
        var inSpine = false
    }

    var metadata: BookMetadata
    var items: [Item]
    /// The manifest id of the cover image, for EPUB 2 readers' `meta`.
    var coverImage: String?

    func xml() -> String {
        let m = metadata
        var lines = [
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
            "<package xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\" unique-identifier=\"book-id\" "
                + "xml:lang=\"\(XMLText.attribute(m.language))\">",
            "<metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\">",
            "<dc:identifier id=\"book-id\">\(XMLText.escaped(m.identifier))</dc:identifier>",
            "<dc:title>\(XMLText.escaped(m.title))</dc:title>",
            "<dc:language>\(XMLText.escaped(m.language))</dc:language>",
        ]
        for (number, author) in m.authors.enumerated() {
            lines.append("<dc:creator id=\"creator-\(number + 1)\">\(XMLText.escaped(author))</dc:creator>")
        }
        for (key, value) in [("publisher", m.publisher), ("rights", m.rights), ("description", m.description)]
        where !value.isEmpty {
            lines.append("<dc:\(key)>\(XMLText.escaped(value))</dc:\(key)>")
        }
        for subject in m.subjects { lines.append("<dc:subject>\(XMLText.escaped(subject))</dc:subject>") }
        lines.append("<meta property=\"dcterms:modified\">\(m.modifiedText)</meta>")
        if let coverImage { lines.append("<meta name=\"cover\" content=\"\(coverImage)\"/>") }
        lines += ["</metadata>", "<manifest>"]
        for item in items {
            let properties = item.properties.map { " properties=\"\($0)\"" } ?? ""
            lines.append("<item id=\"\(item.id)\" href=\"\(XMLText.attribute(item.href))\" "
                         + "media-type=\"\(item.mediaType)\"\(properties)/>")
        }
        lines += ["</manifest>", "<spine toc=\"ncx\">"]
        for item in items where item.inSpine { lines.append("<itemref idref=\"\(item.id)\"/>") }
        lines += ["</spine>", "</package>", ""]
        return lines.joined(separator: "\n")
    }

    static let container = """
        <?xml version="1.0" encoding="UTF-8"?>
        <container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
        <rootfiles>
        <rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"/>
        </rootfiles>
        </container>

        """
}
