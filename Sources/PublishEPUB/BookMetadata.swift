import Foundation
import PublishAST
import PublishPipeline

/// What the package document says about a book, worked out from its
/// options, the site and the posts in it; never from the clock.
struct BookMetadata {
    var identifier: String
    var title: String
    var language: String
    var authors: [String]
    var publisher: String
    var rights: String
    var description: String
    var subjects: [String]
    /// `dcterms:modified`: `SOURCE_DATE_EPOCH`, else the newest post's
    /// date or update.
    var modified: Date

    init(options: BookOptions, config: SiteConfig, posts: [BookPost], environment: [String: String]) {
        title = options.title.isEmpty ? config.title : options.title
        if title.isEmpty { title = posts.first?.title ?? "Untitled" }
        let site = config.absoluteURL("")
        identifier = options.identifier.isEmpty
            ? "urn:uuid:" + NameUUID.version5((site.isEmpty ? config.title : site) + "/" + options.path)
            : options.identifier
        language = LanguageTag.normalized(options.language)
            ?? LanguageTag.normalized(BookMetadata.language(config: config, posts: posts)) ?? "und"
        var authors = options.authors
        if authors.isEmpty, let author = config.author?.name, !author.isEmpty { authors = [author] }
        if authors.isEmpty {
            for name in posts.flatMap({ $0.metadata.authors.map(\.name) }) where !authors.contains(name) {
                authors.append(name)
            }
        }
        self.authors = authors
        publisher = options.publisher
        rights = options.rights
        description = options.description.isEmpty ? config.description : options.description
        var subjects: [String] = []
        for name in posts.flatMap(\.metadata.categories) where !subjects.contains(name) { subjects.append(name) }
        self.subjects = subjects
        if let epoch = environment["SOURCE_DATE_EPOCH"].flatMap(Int.init) {
            modified = Date(timeIntervalSince1970: TimeInterval(epoch))
        } else {
            // A post's `updated:` counts: the book changed when the post did.
            let dates = posts.map { post in max(post.date, post.metadata.updated?.date(in: config.timeZone) ?? post.date) }
            modified = dates.max() ?? Date(timeIntervalSince1970: 315_532_800)
        }
    }

    /// The posts' language when they agree, the site's when it names one,
    /// else the one the text is written in.
    static func language(config: SiteConfig, posts: [BookPost]) -> String {
        let declared = Set(posts.map { LanguageTag.normalized($0.metadata.language ?? "") })
        if declared.count == 1, let language = declared.first!, !posts.isEmpty { return language }
        if let site = (config.values["lang"] ?? config.values["language"])?.scalarText.flatMap(LanguageTag.normalized) {
            return site
        }
        return TextScript.of(posts.map(\.document)).language ?? config.language
    }

    /// `2014-06-16T08:00:00Z`, as `dcterms:modified` wants it.
    var modifiedText: String {
        let parts = BookMetadata.utcParts(modified)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(parts.year)-\(two(parts.month))-\(two(parts.day))T\(two(parts.hour)):\(two(parts.minute)):\(two(parts.second))Z"
    }

    /// The same instant as a zip entry's DOS time, no earlier than 1980.
    var dosTime: LibZip.DOSTime {
        let parts = BookMetadata.utcParts(max(modified, Date(timeIntervalSince1970: 315_532_800)))
        let time = parts.hour << 11 | parts.minute << 5 | parts.second / 2
        let date = (min(parts.year, 2107) - 1980) << 9 | parts.month << 5 | parts.day
        return LibZip.DOSTime(time: UInt16(time), date: UInt16(date))
    }

    static func utcParts(_ date: Date) -> (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return (c.year ?? 1970, c.month ?? 1, c.day ?? 1, c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
    }
}
