import Foundation
import Testing
@testable import PublishEmail

/// A part encoded around its link once per issue against the part encoded
/// whole, for each message: the same bytes.
@Suite("Parts encoded around the unsubscribe link")
struct LinkedPartTests {
    static let pieces = ["a", "word ", "  ", "\t", "=", "中文", "。", "🎉", "\n", "\r\n", "\r", "\n\n", ".", "é",
                         String(repeating: "x", count: 80), String(repeating: "长", count: 40), " \n", "\t\r\n"]

    static func text(_ generator: inout SystemRandomNumberGenerator, count: Int) -> String {
        (0..<count).map { _ in pieces.randomElement(using: &generator)! }.joined()
    }

    @Test("Random texts around random links: the bytes of the part encoded whole, quoted-printable and base64")
    func matchesTheWholePart() {
        var generator = SystemRandomNumberGenerator()
        var encodings: Set<Bool> = []
        for _ in 0..<3_000 {
            let before = LinkedPartTests.text(&generator, count: Int.random(in: 0...60, using: &generator))
            let after = LinkedPartTests.text(&generator, count: Int.random(in: 0...20, using: &generator))
            let part = LinkedPart(contentType: "text/plain", before: before, after: after)
            for _ in 0..<3 {
                let link = "https://example.org/unsubscribe?u=" + String(Int.random(in: 0...Int.max, using: &generator))
                    + String(repeating: "&amp;t=é", count: Int.random(in: 0...30, using: &generator))
                let whole = MIMEPart(contentType: "text/plain", text: before + link + after).bytes()
                #expect(part.bytes(link: link) == whole, "\(before.debugDescription) + \(link) + \(after.debugDescription)")
                encodings.insert(String(decoding: whole, as: UTF8.self).contains("base64"))
            }
        }
        #expect(encodings == [true, false])
    }
}
