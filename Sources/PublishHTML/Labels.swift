import PublishAST

/// The few words the theme prints itself, in the site's language, or as
/// `outputs.html.labels` in `publish.yml` words them.
struct Labels: Sendable {
    var minutes: @Sendable (Int) -> String
    var archive: String
    var categories: String
    var tags: String
    var newer: String
    var older: String
    var feed: String
    var categoryHeading: @Sendable (String) -> String
    var tagHeading: @Sendable (String) -> String

    /// The labels of the keys `publish.yml` may set, for its error message.
    static let keys = ["archive", "categories", "tags", "newer", "older", "feed", "minutes", "category", "tag"]

    /// The labels for a BCP 47 tag: Chinese in simplified or traditional
    /// characters (by script or region), Japanese, Korean, else English.
    static func forLanguage(_ language: String) -> Labels {
        switch LanguageTag.wordsLanguage(language) {
        case "zh-Hant":
            return Labels(minutes: { "閱讀約 \($0) 分鐘" }, archive: "歸檔", categories: "分類", tags: "標籤",
                          newer: "較新", older: "較舊", feed: "訂閱", categoryHeading: { "分類：\($0)" }, tagHeading: { "標籤：\($0)" })
        case "zh-Hans":
            return Labels(minutes: { "阅读约 \($0) 分钟" }, archive: "归档", categories: "分类", tags: "标签",
                          newer: "较新", older: "较早", feed: "订阅", categoryHeading: { "分类：\($0)" }, tagHeading: { "标签：\($0)" })
        case "ja":
            return Labels(minutes: { "約\($0)分で読めます" }, archive: "アーカイブ", categories: "カテゴリー", tags: "タグ",
                          newer: "新しい記事", older: "古い記事", feed: "フィード", categoryHeading: { "カテゴリー：\($0)" },
                          tagHeading: { "タグ：\($0)" })
        case "ko":
            return Labels(minutes: { "\($0)분 분량" }, archive: "보관함", categories: "카테고리", tags: "태그",
                          newer: "최신 글", older: "이전 글", feed: "피드", categoryHeading: { "카테고리: \($0)" },
                          tagHeading: { "태그: \($0)" })
        default:
            return Labels(minutes: { "\($0) min read" }, archive: "Archive", categories: "Categories", tags: "Tags",
                          newer: "Newer", older: "Older", feed: "Feed", categoryHeading: { "Category: \($0)" },
                          tagHeading: { "Tag: \($0)" })
        }
    }

    /// These labels with the words `publish.yml` gives: plain text, with
    /// `{n}` for the minutes in `minutes` and `{name}` for the name in
    /// `category` and `tag`.
    func overridden(by words: [String: String]) -> Labels {
        var labels = self
        if let text = words["archive"] { labels.archive = text }
        if let text = words["categories"] { labels.categories = text }
        if let text = words["tags"] { labels.tags = text }
        if let text = words["newer"] { labels.newer = text }
        if let text = words["older"] { labels.older = text }
        if let text = words["feed"] { labels.feed = text }
        if let text = words["minutes"] { labels.minutes = { text.replacingOccurrences(of: "{n}", with: String($0)) } }
        if let text = words["category"] { labels.categoryHeading = { text.replacingOccurrences(of: "{name}", with: $0) } }
        if let text = words["tag"] { labels.tagHeading = { text.replacingOccurrences(of: "{name}", with: $0) } }
        return labels
    }
}
