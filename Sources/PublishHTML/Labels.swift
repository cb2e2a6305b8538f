/// The few words the theme prints itself, in the site's language.
struct Labels: Sendable {
    var minutes: @Sendable (Int) -> String
    var archive: String
    var categories: String
    var tags: String
    var newer: String
    var older: String
    var categoryHeading: @Sendable (String) -> String
    var tagHeading: @Sendable (String) -> String

    static func forLanguage(_ language: String) -> Labels {
        let primary = language.lowercased().split(separator: "-").first.map(String.init) ?? ""
        switch primary {
        case "zh":
            return Labels(minutes: { "阅读约 \($0) 分钟" }, archive: "归档", categories: "分类", tags: "标签",
                          newer: "较新", older: "较早", categoryHeading: { "分类：\($0)" }, tagHeading: { "标签：\($0)" })
        case "ja":
            return Labels(minutes: { "約\($0)分で読めます" }, archive: "アーカイブ", categories: "カテゴリー", tags: "タグ",
                          newer: "新しい記事", older: "古い記事", categoryHeading: { "カテゴリー：\($0)" },
                          tagHeading: { "タグ：\($0)" })
        default:
            return Labels(minutes: { "\($0) min read" }, archive: "Archive", categories: "Categories", tags: "Tags",
                          newer: "Newer", older: "Older", categoryHeading: { "Category: \($0)" },
                          tagHeading: { "Tag: \($0)" })
        }
    }
}
