import Foundation
import PublishAST

/// The words the newsletter prints around a post, in the post's language:
/// a reader of a Chinese post should not meet an English footer. A small
/// table of its own, as `PublishHTML`'s theme has one: this module does not
/// depend on that one, and the words differ.
struct EmailLabels: Sendable, Equatable {
    var viewInBrowser: String
    var readOnSite: String
    var unsubscribe: String
    /// "You receive this because you subscribed to X." with `%@` for X.
    var reason: String
    /// Between a label and a URL in the plain-text part: full width in
    /// Chinese and Japanese, as their punctuation is.
    var colon: String

    func reason(siteTitle: String) -> String {
        reason.replacingOccurrences(of: "%@", with: siteTitle)
    }

    /// The words for a tag, as `LanguageTag.wordsLanguage` chooses them.
    static func forLanguage(_ language: String) -> EmailLabels {
        switch LanguageTag.wordsLanguage(language) {
        case "zh-Hant":
            return EmailLabels(viewInBrowser: "在瀏覽器中檢視", readOnSite: "到網站上閱讀", unsubscribe: "取消訂閱",
                               reason: "你收到這封郵件，是因為你訂閱了「%@」。", colon: "：")
        case "zh-Hans":
            return EmailLabels(viewInBrowser: "在浏览器中查看", readOnSite: "到网站上阅读", unsubscribe: "退订",
                               reason: "你收到这封邮件，是因为你订阅了“%@”。", colon: "：")
        case "ja":
            return EmailLabels(viewInBrowser: "ブラウザで表示", readOnSite: "サイトで読む", unsubscribe: "配信停止",
                               reason: "「%@」を購読されているため、このメールをお送りしています。", colon: "：")
        case "ko":
            return EmailLabels(viewInBrowser: "브라우저에서 보기", readOnSite: "사이트에서 읽기", unsubscribe: "구독 취소",
                               reason: "‘%@’을(를) 구독하셔서 이 메일을 받으셨습니다.", colon: ": ")
        default:
            return EmailLabels(viewInBrowser: "View in browser", readOnSite: "Read on the site", unsubscribe: "Unsubscribe",
                               reason: "You receive this because you subscribed to %@.", colon: ": ")
        }
    }
}
