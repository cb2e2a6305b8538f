import Foundation
import PublishAST
import PublishWriters

/// Writes a feed document as Atom (RFC 4287) with the archive links and
/// markers of RFC 5005. Elements come in a fixed order and nothing reads
/// the clock, so equal input gives equal bytes.
struct AtomWriter: Sendable {
    let site: FeedSite
    /// Each entry's XML, written once however many documents hold it (a
    /// post is in its feed's archive or subscription document and in each
    /// of its categories' feeds). An entry's id names it within a build.
    private let written = EntryTexts()

    init(site: FeedSite) {
        self.site = site
    }

    func render(_ document: FeedDocument) -> [UInt8] {
        let feed = document.feed
        var out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        out += "<feed xmlns=\"http://www.w3.org/2005/Atom\" xmlns:fh=\"http://purl.org/syndication/history/1.0\""
        if let language = LanguageTag.normalized(site.language) { out += " xml:lang=\"\(language)\"" }
        out += ">\n"
        out += element("id", site.id(of: feed))
        out += element("title", feed.title, attributes: " type=\"text\"")
        if !site.description.isEmpty {
            out += element("subtitle", site.description, attributes: " type=\"text\"")
        }
        out += element("updated", site.dates.timestamp(document.updated))
        out += person("author", site.author, indent: "  ")
        out += element("generator", "publish")
        out += link("self", site.url(of: feed.file(archive: document.archive, json: false)), type: "application/atom+xml")
        out += link("alternate", site.root + "/", type: "text/html")
        if document.archive != nil {
            out += link("current", site.url(of: feed.file(archive: nil, json: false)), type: "application/atom+xml")
        }
        if let previous = document.previousArchive {
            out += link("prev-archive", site.url(of: feed.file(archive: previous, json: false)),
                        type: "application/atom+xml")
        }
        if let next = document.nextArchive {
            out += link("next-archive", site.url(of: feed.file(archive: next, json: false)), type: "application/atom+xml")
        }
        if document.archive != nil {
            out += "  <fh:archive/>\n"
        } else if document.isComplete {
            out += "  <fh:complete/>\n"
        }
        for entry in document.entries {
            let content = feed.style.content
            out += written.text(of: entry.id, content: content) { self.entry(entry, content: content) }
        }
        out += "</feed>\n"
        return Array(out.utf8)
    }

    private func entry(_ entry: FeedEntry, content: FeedStyle.Content) -> String {
        let lang = entry.language.flatMap(LanguageTag.normalized).map { " xml:lang=\"\(XMLText.attribute($0))\"" } ?? ""
        var out = "  <entry\(lang)>\n"
        out += element("id", entry.id, indent: "    ")
        out += element("title", entry.title, attributes: " type=\"text\"", indent: "    ")
        out += element("published", site.dates.timestamp(entry.published), indent: "    ")
        out += element("updated", site.dates.timestamp(entry.updated), indent: "    ")
        out += link("alternate", entry.url, type: "text/html", indent: "    ")
        for author in entry.authors {
            out += person("author", author, indent: "    ")
        }
        for term in entry.terms {
            out += "    <category term=\"\(XMLText.attribute(term))\"/>\n"
        }
        let base = " xml:base=\"\(XMLText.attribute(entry.url))\""
        if let description = entry.description, !description.isEmpty {
            out += element("summary", description, attributes: " type=\"text\"", indent: "    ")
        } else if !entry.excerptHTML.isEmpty {
            out += element("summary", entry.excerptHTML, attributes: " type=\"html\"" + base, indent: "    ")
        } else if content == .summary {
            out += element("summary", entry.title, attributes: " type=\"text\"", indent: "    ")
        }
        if content == .full {
            out += element("content", entry.contentHTML, attributes: " type=\"html\"" + base, indent: "    ")
        }
        out += "  </entry>\n"
        return out
    }

    private func element(_ name: String, _ text: String, attributes: String = "", indent: String = "  ") -> String {
        "\(indent)<\(name)\(attributes)>\(XMLText.escaped(text))</\(name)>\n"
    }

    private func link(_ rel: String, _ href: String, type: String, indent: String = "  ") -> String {
        "\(indent)<link rel=\"\(rel)\" type=\"\(type)\" href=\"\(XMLText.attribute(href))\"/>\n"
    }

    /// A person construct; an `email` the schema would refuse (it wants
    /// `something@something`) is left out.
    private func person(_ name: String, _ author: Author, indent: String) -> String {
        var out = "\(indent)<\(name)>\n"
        out += element("name", author.name, indent: indent + "  ")
        if let email = author.email, email.dropFirst().dropLast().contains("@") { out += element("email", email, indent: indent + "  ") }
        if let url = author.url, !url.isEmpty { out += element("uri", url, indent: indent + "  ") }
        out += "\(indent)</\(name)>\n"
        return out
    }
}
