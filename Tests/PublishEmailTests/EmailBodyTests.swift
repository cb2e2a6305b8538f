import Foundation
import Testing

@Suite("The newsletter's HTML")
struct EmailBodyTests {
    /// The decoded HTML part of the first post's message.
    private func html(_ markdown: String) throws -> String {
        let message = try NewsletterBuild(["_posts/2014-06-16-hello.md": markdown]).message()
        let part = message.components(separatedBy: "Content-Type: text/html; charset=utf-8\r\n")[1]
        let body = part.components(separatedBy: "\r\n\r\n")[1].components(separatedBy: "\r\n--=_publish_")[0]
        if part.hasPrefix("Content-Transfer-Encoding: base64") {
            return String(decoding: Data(base64Encoded: body, options: .ignoreUnknownCharacters)!, as: UTF8.self)
        }
        return QuotedPrintableDecoding.decode(body)
    }

    @Test("The writer's paragraphs get the theme's inline style")
    func styledParagraph() throws {
        #expect(try html("Hello\n").contains("<p style=\"margin: 0 0 16px;\">Hello</p>"))
    }

    @Test("A table cell keeps its alignment after the theme's style")
    func alignedCell() throws {
        let page = try html("| a |\n|--:|\n| 1 |\n")
        #expect(page.contains("<td style=\"padding: 6px 10px; border: 1px solid #dddddd; word-break: normal; overflow-wrap: break-word; text-align: right\">1</td>"))
    }

    @Test("Raw HTML is kept as written, not restyled")
    func rawKept() throws {
        #expect(try html("<p class=\"note\">Raw</p>\n").contains("<p class=\"note\">Raw</p>"))
    }

    @Test("Raw HTML's image sources and links are made absolute, other attributes kept")
    func rawURLs() throws {
        let page = try html("<img alt='A' src='/a.png' width=10><a href=b.html data-x=\"1\">b</a>\n")
        #expect(page.contains("<img alt='A' src=\"https://example.org/a.png\" width=10>"))
        #expect(page.contains("<a href=\"https://example.org/2014/06/16/b.html\" data-x=\"1\">b</a>"))
    }

    @Test("An inline script's text between its two tags is left out too")
    func inlineScriptSpan() throws {
        let page = try html("Before <script>var secret = 1;</script> after\n")
        #expect(!page.contains("secret") && page.contains("Before") && page.contains("after"))
    }

    @Test("No style element of the author's, form or iframe reaches the message")
    func noForbiddenElements() throws {
        let page = try html("<style>p{}</style>\n\n<form><input></form>\n\n<iframe src=\"x\"></iframe>\n\n- [ ] task\n")
        let body = try #require(page.components(separatedBy: "<body").last)
        #expect(!body.contains("<style") && !page.contains("p{}"))
        #expect(!page.contains("<form") && !page.contains("<iframe") && !page.contains("<input"))
    }

    @Test("A hidden preheader carries the post's description")
    func preheader() throws {
        let page = try html("---\ndescription: The short of it.\n---\nBody\n")
        #expect(page.contains("mso-hide: all; font-size: 1px; line-height: 1px; color: #ffffff; opacity: 0;\">The short of it.</div>"))
    }

    @Test("Outlook gets a fixed 600px table around the column")
    func outlookFallback() throws {
        #expect(try html("Hi\n").contains("<!--[if mso]><table role=\"presentation\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" width=\"600\""))
    }
}

/// Quoted-printable decoding, to read what the encoder wrote.
enum QuotedPrintableDecoding {
    static func decode(_ text: String) -> String {
        let bytes = Array(text.replacingOccurrences(of: "=\r\n", with: "").utf8)
        var out: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "="), index + 2 < bytes.count,
               let value = UInt8(String(decoding: bytes[(index + 1)...(index + 2)], as: UTF8.self), radix: 16) {
                out.append(value)
                index += 3
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
