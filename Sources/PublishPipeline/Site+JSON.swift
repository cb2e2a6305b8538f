import Foundation
import PublishAST

/// The site as external outputs read it on standard input: its settings,
/// then every post and page with its URL and its document in the same
/// versioned JSON form `publish render --to json` prints.
///
/// ```json
/// {"version": 1,
///  "site": {"title": "…", "description": "…", "url": "https://example.org", "baseurl": "",
///           "language": "en", "timezone": "Asia/Shanghai", "author": "…"},
///  "posts": [{"url": "/2014/06/16/hello.html", "output_path": "2014/06/16/hello.html",
///             "date": "2014-06-16T00:00:00+08:00", "draft": false, "reading_minutes": 1,
///             "document": {"version": 1, "path": "_posts/2014-06-16-hello.md", …}}],
///  "pages": [{"url": "/about/", "output_path": "about/index.html", "document": {…}}]}
/// ```
extension Site {
    public func jsonBytes() -> [UInt8] {
        struct Header: Encodable {
            var title, description, url, baseurl, language, timezone: String
            var author: String?
        }
        struct Entry: Encodable {
            var url: String
            var output_path: String
            var date: String?
            var draft: Bool?
            var reading_minutes: Int?
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        func encoded<T: Encodable>(_ value: T) -> [UInt8] { (try? encoder.encode(value)).map(Array.init) ?? [] }
        let header = Header(title: config.title, description: config.description, url: config.url,
                            baseurl: config.baseurl, language: config.language, timezone: config.timeZone.identifier,
                            author: config.author?.name)
        let dates = Date.ISO8601FormatStyle(timeZone: config.timeZone)
        var out = Array("{\"version\":\(Document.jsonVersion),\"site\":".utf8) + encoded(header)
        func append(_ entry: Entry, _ document: Document) {
            var fields = encoded(entry)
            fields.removeLast()  // the closing brace: the document goes in too
            out += fields + Array(",\"document\":".utf8)
            var json = document.jsonBytes()
            if json.last == UInt8(ascii: "\n") { json.removeLast() }
            out += json + [UInt8(ascii: "}")]
        }
        out += Array(",\"posts\":[".utf8)
        for (index, post) in posts.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            append(Entry(url: post.url, output_path: post.outputPath, date: post.date.formatted(dates),
                         draft: post.isDraft, reading_minutes: post.readingMinutes), post.document)
        }
        out += Array("],\"pages\":[".utf8)
        for (index, page) in pages.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            append(Entry(url: page.url, output_path: page.outputPath), page.document)
        }
        out += Array("]}\n".utf8)
        return out
    }
}
