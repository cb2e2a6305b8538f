import Foundation
import PublishAST
import PublishEmail
import Testing

@Suite("Newsletter messages")
struct NewsletterMessageTests {
    let post = ["_posts/2014-06-16-hello.md": "---\ntitle: Hello\n---\nSome *text* and ![a cat](cat.png).\n"]

    @Test("Every line ends with CRLF and none is longer than 998 octets")
    func lines() throws {
        let long = ["_posts/2014-06-16-hello.md": "# Hi\n\n" + String(repeating: "word ", count: 600) + "\n"]
        let message = try NewsletterBuild(long).message()
        let lines = message.components(separatedBy: "\r\n")
        #expect(lines.last == "" && lines.allSatisfy { !$0.contains("\n") && $0.utf8.count <= 998 })
    }

    @Test("The Message-ID is the same for a resend and differs per recipient")
    func messageID() throws {
        let build = try NewsletterBuild(post)
        let id = { (address: String) in
            try build.message(to: address).components(separatedBy: "\r\n").first { $0.hasPrefix("Message-ID:") }
        }
        #expect(try id("a@example.net") == id("a@example.net"))
        #expect(try id("a@example.net") != id("b@example.net"))
        #expect(try id("a@example.net")?.hasSuffix("@example.org>") == true)
    }

    @Test("The Date is the post's date, not the time of rendering")
    func date() throws {
        #expect(try NewsletterBuild(post).message().contains("\r\nDate: Mon, 16 Jun 2014 00:00:00 +0000\r\n"))
    }

    @Test("Rendering twice gives the same bytes")
    func reproducible() throws {
        let build = try NewsletterBuild(post)
        #expect(try build.message() == build.message())
    }

    @Test("Both unsubscribe headers are there, the URL carrying the subscriber's id and token")
    func unsubscribeHeaders() throws {
        let message = try NewsletterBuild(post).message()
        #expect(message.contains("\r\nList-Unsubscribe: <https://example.org/unsubscribe?id=7&token=TOKEN>\r\n"))
        #expect(message.contains("\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n"))
    }

    @Test("An image's source is made absolute against the post's URL")
    func absoluteImages() throws {
        let issue = try NewsletterBuild(post).issue()
        let recipient = Recipient(mailbox: Mailbox(address: "r@example.net"), id: "7", token: "T")
        let message = try issue.message(to: recipient)
        #expect(issue.postURL == "https://example.org/2014/06/16/hello.html")
        #expect(String(decoding: message, as: UTF8.self).contains("https://example.org/2014/06/16/cat.png"))
    }

    @Test("Raw script is left out of the message, with a warning at its line")
    func dropsScript() throws {
        let files = ["_posts/2014-06-16-hello.md": "Hi\n\n<script>alert(1)</script>\n"]
        let issue = try NewsletterBuild(files).issue()
        let message = try issue.message(to: .preview(Mailbox(address: "r@example.net")))
        #expect(!String(decoding: message, as: UTF8.self).contains("alert"))
        #expect(issue.diagnostics.map(\.description) == [
            "_posts/2014-06-16-hello.md:3:1: warning: the newsletter leaves out the raw HTML <script> element: mail clients block it",
        ])
    }

    @Test("Without `from` the issue cannot be made")
    func needsFrom() throws {
        let build = try NewsletterBuild(post, options: YAMLMapping())
        #expect(throws: Diagnostic.self) { try build.issue() }
    }
}
