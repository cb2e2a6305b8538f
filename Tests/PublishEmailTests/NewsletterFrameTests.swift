import Foundation
import PublishAST
import Testing

@Suite("What a reader expects around the post")
struct NewsletterFrameTests {
    let post = ["_posts/2014-06-16-hello.md": "---\ntitle: Hello\n---\nBody.\n"]
    let postURL = "https://example.org/2014/06/16/hello.html"

    @Test("The publication's name heads the message and links to the site")
    func masthead() throws {
        let html = try NewsletterBuild(post).html()
        let masthead = try #require(html.range(of: #"<a href="https://example.org/" style="[^"]*">Test Site</a>"#,
                                               options: .regularExpression))
        #expect(masthead.upperBound < html.range(of: "<h1")!.lowerBound)
    }

    @Test("A 'View in browser' link to the post comes first in the body, before the masthead")
    func viewInBrowser() throws {
        let html = try NewsletterBuild(post).html()
        let link = try #require(html.range(of: "<a href=\"\(postURL)\" style=\"color: #777777; text-decoration: underline;\">View in browser</a>"))
        #expect(link.upperBound < html.range(of: ">Test Site</a>")!.lowerBound)
    }

    @Test("A 'Read on the site' button to the post follows the body: a table cell with a bgcolor, for Outlook")
    func readOnSite() throws {
        let html = try NewsletterBuild(post).html()
        let body = try #require(html.range(of: "Body.</p>"))
        let button = try #require(html.range(
            of: ##"<td align="center" bgcolor="#1a5fb4" style="[^"]*"><a href="https://example.org/2014/06/16/hello.html" style="display: inline-block; padding: 12px 24px;[^"]*">Read on the site</a></td>"##,
            options: .regularExpression))
        #expect(body.upperBound < button.lowerBound)
        #expect(button.upperBound < html.range(of: ">Unsubscribe</a>")!.lowerBound)
    }

    @Test("The plain-text part links the post at the top and after the text")
    func textLinks() throws {
        let text = try NewsletterBuild(post).text()
        #expect(text.hasPrefix("Test Site\r\n\r\nHello\r\n2014-06-16\r\nView in browser: \(postURL)\r\n\r\nBody.\r\n"))
        #expect(text.contains("\r\nRead on the site: \(postURL)\r\n\r\n-- \r\n"))
    }

    @Test("The postal address is printed in both footers, line by line")
    func address() throws {
        let options = NewsletterBuild.options(["address": "Test Site\n1 Main Street\nSpringfield, OR 97477"])
        let build = try NewsletterBuild(post, options: options)
        #expect(build.options.addressWarning == nil)
        #expect(try build.html().contains("<p style=\"margin: 0 0 8px;\">Test Site<br>1 Main Street<br>Springfield, OR 97477</p>"))
        #expect(try build.text().contains(
            "subscribed to Test Site.\r\nTest Site\r\n1 Main Street\r\nSpringfield, OR 97477\r\nUnsubscribe: https://"))
    }

    @Test("Without an address the output warns, at its block, that CAN-SPAM requires one")
    func addressMissing() throws {
        let location = SourceLocation(path: "publish.yml", line: 7, column: 3)
        let build = try NewsletterBuild(post, options: NewsletterBuild.options(["address": "  "]), at: location)
        let warning = try #require(build.options.addressWarning)
        #expect(warning.severity == .warning && warning.location == location)
        #expect(warning.message.contains("CAN-SPAM") && warning.message.contains("`address"))
    }

    @Test("A build of two posts says the missing address once")
    func addressWarnedOnce() throws {
        let files = ["_posts/2014-06-16-a.md": "A\n", "_posts/2014-06-17-b.md": "B\n"]
        let warnings = try NewsletterBuild(files).emit().filter { $0.message.contains("CAN-SPAM") }
        #expect(warnings.map(\.location?.description) == ["publish.yml:7:3"])
    }
}
