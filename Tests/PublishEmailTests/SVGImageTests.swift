import Foundation
import PublishAST
import Testing

@Suite("SVG images in the newsletter")
struct SVGImageTests {
    let post = ["_posts/2014-06-16-hello.md": """
        ---
        title: Shelf
        ---
        Intro.

        ![The shelf](/images/shelf.svg) and ![](/images/b%20c.svg?v=2)

        <p><img alt="Raw one" src='/images/raw.svg'> and <img src="/images/photo.png" alt="P"></p>

        [![In a link](/images/linked.svg)](https://example.org/elsewhere)

        """]

    @Test("No <img> of an SVG reaches the HTML part: each is its alt text linking to the image on the site")
    func replaced() throws {
        let html = try NewsletterBuild(post).html()
        #expect(html.range(of: #"<img [^>]*\.svg"#, options: .regularExpression) == nil, "\(html)")
        let link = "<a style=\"color: #1a5fb4; text-decoration: underline; word-break: break-word; overflow-wrap: anywhere;\""
        #expect(html.contains(link + " href=\"https://example.org/images/shelf.svg\">The shelf</a>"))
        // No alt text: the file's name.
        #expect(html.contains(link + " href=\"https://example.org/images/b%20c.svg?v=2\">b c.svg</a>"))
        // Raw HTML: the same, the other image kept.
        #expect(html.contains("<a href=\"https://example.org/images/raw.svg\" style=\"color: #1a5fb4;"))
        #expect(html.contains(">Raw one</a>"))
        #expect(html.contains("<img src=\"https://example.org/images/photo.png\" alt=\"P\">"))
        // Inside a link no link is nested: the text is emphasised.
        #expect(html.contains(">In a link</em></a>"))
    }

    @Test("One warning per post, at the first SVG image, counting them all")
    func warnedOnce() throws {
        let warnings = try NewsletterBuild(post).issue().diagnostics.map(\.description)
        #expect(warnings == [
            "_posts/2014-06-16-hello.md:6:1: warning: the newsletter sends 4 SVG images as a link to the image on "
                + "the site, not as an image: Gmail and Outlook do not show SVG; use a PNG or JPEG to show it",
        ])
    }

    @Test("A post without SVG images is not warned about")
    func noWarning() throws {
        let files = ["_posts/2014-06-16-hello.md": "![A cat](/cat.png)\n"]
        #expect(try NewsletterBuild(files).issue().diagnostics.isEmpty)
    }

    @Test("The plain-text part still names the SVG's URL beside its text")
    func textPart() throws {
        #expect(try NewsletterBuild(post).text().contains("The shelf (https://example.org/images/shelf.svg)"))
    }
}
