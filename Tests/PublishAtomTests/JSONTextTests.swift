import Foundation
import Testing
@testable import PublishAtom

@Suite("JSON strings")
struct JSONTextTests {
    @Test("Every control character, quote and backslash is escaped; a JSON parser reads the text back unchanged")
    func quotedRoundTrips() throws {
        let controls = String((0..<0x20).map { Character(Unicode.Scalar(UInt8($0))) })
        for text in ["", "plain", "\"quoted\" and \\back\\slash", controls, "中文 «guillemets» 🎉 \u{7F} \u{2028}",
                     "<p class=\"x\">a\nb\r\nc\td</p>", String(repeating: "long run ", count: 500) + "\"end"] {
            let quoted = JSONText.quoted(text)
            let read = try JSONDecoder().decode(String.self, from: Data(quoted.utf8))
            #expect(read == text, "\(text.debugDescription)")
            #expect(!quoted.utf8.dropFirst().dropLast().contains { $0 < 0x20 }, "raw control byte in \(quoted)")
        }
        #expect(JSONText.quoted("a\u{1}\"\\\n") == "\"a\\u0001\\\"\\\\\\n\"")
    }
}
