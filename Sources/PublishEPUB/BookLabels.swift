/// The few words a book writes itself, in its language.
struct BookLabels {
    var contents: String
    var start: String
    var cover: String

    init(language: String) {
        switch language.lowercased().prefix(2) {
        case "zh": (contents, start, cover) = ("目录", "正文", "封面")
        case "ja": (contents, start, cover) = ("目次", "本文", "表紙")
        case "ko": (contents, start, cover) = ("목차", "본문", "표지")
        default: (contents, start, cover) = ("Contents", "Start", "Cover")
        }
    }
}
