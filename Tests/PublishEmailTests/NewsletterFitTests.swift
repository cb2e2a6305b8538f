import Foundation
import Testing

@Suite("The newsletter on a phone")
struct NewsletterFitTests {
    let post = ["_posts/2014-06-16-hello.md": """
        ---
        title: Hello
        ---
        See https://example.org/a/very/long/path/that/does/not/fit/on/a/phone/screen/at/all/ok.html here.

        ```
        let aVeryLongLineOfCodeThatWouldSetTheMinimumWidthOfTheWholeMessage = somethingElseEntirely(42)
        ```

        Text.[^1]

        [^1]: A note.

        """]

    @Test("Code blocks wrap inside their box, and long words and links break, rather than widen the message")
    func wraps() throws {
        let html = try NewsletterBuild(post).html()
        let pre = try #require(html.range(of: #"<pre style="[^"]*""#, options: .regularExpression).map { String(html[$0]) })
        for property in ["white-space: pre-wrap", "word-break: break-word", "overflow-wrap: anywhere"] {
            #expect(pre.contains(property), "\(property)")
        }
        #expect(html.contains("<a style=\"color: #1a5fb4; text-decoration: underline; word-break: break-word; overflow-wrap: anywhere;\" href=\"https://example.org/a/very/long/path/that/does/not/fit/on/a/phone/screen/at/all/ok.html\">"))
        // The column cannot be widened by what it holds.
        #expect(html.contains("max-width: 600px; table-layout: fixed;"))
    }

    @Test("A table sits in a box that scrolls sideways, and its cells break words only when they must")
    func tables() throws {
        let html = try NewsletterBuild(["_posts/2014-06-16-hello.md": "| a | b |\n|---|---|\n| 1 | 2 |\n"]).html()
        #expect(html.contains("<div style=\"margin: 0 0 16px; max-width: 100%; overflow-x: auto;\"><table style="))
        #expect(html.contains("</table></div>"))
        #expect(html.contains("<td style=\"padding: 6px 10px; border: 1px solid #dddddd; word-break: normal; overflow-wrap: break-word;\">1</td>"))
    }

    @Test("On a narrow screen the padding shrinks; iOS may shrink what still does not fit")
    func phoneRule() throws {
        let html = try NewsletterBuild(post).html()
        #expect(html.contains("<style>\n@media only screen and (max-width: 480px) {\n.publish-pad { padding-left: 16px !important; padding-right: 16px !important; }"))
        #expect(html.contains("<td class=\"publish-pad\" style=\"padding: 24px 32px;"))
        #expect(!html.contains("x-apple-disable-message-reformatting"))
        // The only <style> is the head's.
        #expect(html.components(separatedBy: "<style").count == 2)
        #expect(html.range(of: "<style")!.lowerBound < html.range(of: "</head>")!.lowerBound)
    }

    @Test("Footnotes follow a rule, in smaller type")
    func footnotes() throws {
        let html = try NewsletterBuild(post).html()
        #expect(html.contains("<hr style=\"margin: 32px 0 16px; width: 30%; border: 0; border-top: 1px solid #cccccc;\" />\n"
            + "<section class=\"footnotes\" data-footnotes style=\"font-size: 14px;"))
    }

    /// A PNG header of the given size.
    static func png(width: UInt8, height: UInt8) -> [UInt8] {
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8)
            + [0, 0, 0, width, 0, 0, 0, height, 8, 2, 0, 0, 0, 0, 0, 0, 0]
    }

    @Test("A small image gets no width and height, so its alt text is not squeezed when images are blocked")
    func smallImageAltText() throws {
        let files = ["_posts/2014-06-16-hello.md": "![An icon of a lantern](/icon.png) ![A wide photo](/wide.png)\n"]
        let html = try NewsletterBuild(files, binary: ["icon.png": NewsletterFitTests.png(width: 16, height: 16),
                                                       "wide.png": NewsletterFitTests.png(width: 240, height: 120)]).html()
        let style = "style=\"display: block; max-width: 100%; height: auto; border: 0; "
            // Blocked, the alt text is in readable type.
            + "font-family: Helvetica, Arial, sans-serif; font-size: 14px; line-height: 1.4; color: #555555;\""
        #expect(html.contains("<img \(style) src=\"https://example.org/icon.png\" alt=\"An icon of a lantern\""))
        #expect(html.contains("<img width=\"240\" height=\"120\" \(style) src=\"https://example.org/wide.png\""))
    }
}
