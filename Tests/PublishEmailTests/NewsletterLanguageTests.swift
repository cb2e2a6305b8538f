import Foundation
import Testing

@Suite("The newsletter's own words, in the post's language")
struct NewsletterLanguageTests {
    private func build(lang: String) throws -> NewsletterBuild {
        try NewsletterBuild(["_posts/2015-03-08-paiban.md": "---\ntitle: 中文排版\nlang: \(lang)\n---\n正文。\n"])
    }

    @Test("Under a Chinese post the header, button and footer are in simplified Chinese, with no English left")
    func simplifiedChinese() throws {
        let build = try build(lang: "zh-CN")
        let html = try build.html()
        for label in [">在浏览器中查看</a>", ">到网站上阅读</a>", ">退订</a>", "你收到这封邮件，是因为你订阅了“Test Site”。"] {
            #expect(html.contains(label), "\(label)")
        }
        for english in ["View in browser", "Read on the site", "Unsubscribe", "You receive this"] {
            #expect(!html.contains(english), "\(english)")
        }
        #expect(html.contains("<html lang=\"zh-CN\">"))
        let text = try build.text()
        #expect(text.contains("\r\n到网站上阅读：https://example.org/2015/03/08/paiban.html\r\n"))
        #expect(text.contains("\r\n退订：https://example.org/unsubscribe?id=7&token=TOKEN\r\n"))
    }

    @Test("zh-TW, zh-HK and zh-Hant get traditional characters")
    func traditionalChinese() throws {
        for lang in ["zh-TW", "zh-HK", "zh-Hant", "zh-Hant-TW"] {
            let html = try build(lang: lang).html()
            #expect(html.contains(">取消訂閱</a>") && html.contains(">在瀏覽器中檢視</a>"), "\(lang)")
        }
    }

    @Test("Japanese and Korean posts get their own words; an unknown language gets English")
    func otherLanguages() throws {
        #expect(try build(lang: "ja").html().contains(">配信停止</a>"))
        #expect(try build(lang: "ko-KR").html().contains(">구독 취소</a>"))
        #expect(try build(lang: "fr").html().contains(">Unsubscribe</a>"))
    }
}
