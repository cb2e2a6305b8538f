import PublishAST

/// Writes a feed document as JSON Feed 1.1. The documents are the Atom
/// ones: same entries, same ids, same archive boundaries. JSON Feed pages
/// from new to old with `next_url`, so the subscription document points at
/// the newest archive and each archive at the one before it; an archive's
/// bytes, like the Atom one's, do not change when posts are added.
struct JSONFeedWriter: Sendable {
    let site: FeedSite
    /// Each item's JSON, written once however many documents hold it.
    private let written = EntryTexts()

    init(site: FeedSite) {
        self.site = site
    }

    func render(_ document: FeedDocument) -> [UInt8] {
        let feed = document.feed
        var json = JSONText()
        json.beginObject()
        json.string("version", "https://jsonfeed.org/version/1.1")
        json.string("title", feed.title)
        json.string("home_page_url", site.root + "/")
        // The feed's identity is its subscription document, whichever page this is.
        json.string("feed_url", site.url(of: feed.file(archive: nil, json: true)))
        if !site.description.isEmpty { json.string("description", site.description) }
        if let previous = document.previousArchive {
            json.string("next_url", site.url(of: feed.file(archive: previous, json: true)))
        }
        json.string("language", site.language)
        authors([site.author], into: &json)
        json.beginArray("items")
        for entry in document.entries {
            let content = feed.style.content
            json.value(written.text(of: entry.id, content: content) { itemText(entry, content: content) })
        }
        json.endArray()
        json.endObject()
        return Array(json.text.utf8)
    }

    /// An item as it stands in `items`: two levels deep.
    private func itemText(_ entry: FeedEntry, content: FeedStyle.Content) -> String {
        var json = JSONText(nestedIn: 2)
        item(entry, content: content, into: &json)
        return String(json.fragment)
    }

    private func item(_ entry: FeedEntry, content: FeedStyle.Content, into json: inout JSONText) {
        json.beginObject()
        json.string("id", entry.id)
        json.string("url", entry.url)
        json.string("title", entry.title)
        switch content {
        case .full:
            json.string("content_html", entry.contentHTML)
        case .summary where !entry.excerptHTML.isEmpty:
            json.string("content_html", entry.excerptHTML)
        case .summary:
            // An item must have content; a post with no excerpt offers its summary, else its title.
            json.string("content_text", entry.summaryText ?? entry.title)
        }
        if let summary = entry.summaryText { json.string("summary", summary) }
        json.string("date_published", site.dates.timestamp(entry.published))
        json.string("date_modified", site.dates.timestamp(entry.updated))
        if !entry.authors.isEmpty { authors(entry.authors, into: &json) }
        if !entry.terms.isEmpty {
            json.beginArray("tags")
            for term in entry.terms { json.string(nil, term) }
            json.endArray()
        }
        if let language = entry.language { json.string("language", language) }
        json.endObject()
    }

    private func authors(_ authors: [Author], into json: inout JSONText) {
        json.beginArray("authors")
        for author in authors {
            json.beginObject()
            json.string("name", author.name)
            if let url = author.url, !url.isEmpty { json.string("url", url) }
            json.endObject()
        }
        json.endArray()
    }
}
