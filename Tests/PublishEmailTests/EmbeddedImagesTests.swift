import Foundation
import PublishAST
import PublishEmail
import PublishPipeline
import Testing
import TestSupport

@Suite struct EmbeddedImagesTests {
    /// A 3×2 PNG: signature, then an IHDR chunk (its CRC is not checked here).
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]
        + Array("IHDR".utf8) + [0, 0, 0, 3, 0, 0, 0, 2, 8, 2, 0, 0, 0, 0, 0, 0, 0] + Array(repeating: 7, count: 200)

    func message(images: String) throws -> String {
        let folder = try TemporaryFolder(
            ["_posts/2014-06-16-hello.md": "---\ntitle: Hello\n---\n![a cat](/img/cat.png) and again ![cat](/img/cat.png)"
                + " and ![far](https://elsewhere.example/dog.png)\n"],
            binary: ["img/cat.png": EmbeddedImagesTests.png])
        var config = SiteConfig()
        config.title = "Test Site"
        config.url = "https://example.org"
        let site = SiteLoader(source: folder.url, config: config, pipeline: try MarkdownPipeline.builtIn(),
                              now: Date(timeIntervalSince1970: 1_900_000_000)).load().site
        var values = YAMLMapping()
        values["from"] = .string("Test Site <news@example.org>")
        values["images"] = .string(images)
        let issue = try NewsletterIssue(post: site.posts[0], site: site,
                                        options: try EmailOptions(options: Settings(owner: "output `email`", values: values)),
                                        signer: nil)
        let recipient = Recipient(mailbox: Mailbox(address: "reader@example.net"), id: "7", token: "TOKEN")
        return String(decoding: try issue.message(to: recipient), as: UTF8.self)
    }

    @Test("By default images stay links on the site, and the message is multipart/alternative")
    func linked() throws {
        let text = try message(images: "link")
        #expect(text.contains("Content-Type: multipart/alternative;"))
        #expect(!text.contains("multipart/related"))
        #expect(!text.contains("Content-ID:"))
    }

    @Test("Embedded, the site's image travels once as a cid: part; a remote one stays a link")
    func embedded() throws {
        let text = try message(images: "embed")
        #expect(text.contains("Content-Type: multipart/related;\r\n type=\"multipart/alternative\";"))
        let ids = text.components(separatedBy: "Content-ID: <").dropFirst().map { $0.prefix { $0 != ">" } }
        #expect(ids.count == 1)
        let id = try #require(ids.first)
        #expect(id.hasSuffix("@example.org"))
        #expect(text.contains("Content-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n"))
        #expect(text.contains(Base64Probe.encode(EmbeddedImagesTests.png).prefix(40)))
        // The HTML part is quoted-printable or base64: decode before looking for the cid.
        #expect(try MessageProbe.htmlPart(of: text).components(separatedBy: "src=\"cid:\(id)\"").count == 3)
        #expect(try MessageProbe.htmlPart(of: text).contains("https://elsewhere.example/dog.png"))
    }
}

/// Reads parts back out of a message, to look at what a client would show.
enum MessageProbe {
    static func htmlPart(of message: String) throws -> String { try part("text/html", of: message) }

    /// The decoded text of the first part of type `type` (utf-8 text).
    static func part(_ type: String, of message: String) throws -> String {
        let start = try #require(message.range(of: "Content-Type: \(type); charset=utf-8\r\n"))
        let rest = message[start.upperBound...]
        let headerEnd = try #require(rest.range(of: "\r\n\r\n"))
        let encoding = rest[..<headerEnd.lowerBound]
        let tail = rest[headerEnd.upperBound...]
        let body = tail[..<(tail.range(of: "\r\n--=_publish")?.lowerBound ?? tail.endIndex)]
        if encoding.contains("base64") {
            let data = try #require(Data(base64Encoded: String(body).replacingOccurrences(of: "\r\n", with: "")))
            return String(decoding: data, as: UTF8.self)
        }
        // quoted-printable: soft breaks, then =XX escapes.
        var bytes: [UInt8] = []
        let text = Array(String(body).replacingOccurrences(of: "=\r\n", with: "").utf8)
        var index = 0
        while index < text.count {
            if text[index] == UInt8(ascii: "="), index + 2 < text.count,
               let value = UInt8(String(decoding: text[index + 1...index + 2], as: UTF8.self), radix: 16) {
                bytes.append(value)
                index += 3
            } else {
                bytes.append(text[index])
                index += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

enum Base64Probe {
    static func encode(_ bytes: [UInt8]) -> String { Data(bytes).base64EncodedString() }
}
