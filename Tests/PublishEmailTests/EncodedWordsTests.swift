import Foundation
import Testing
@testable import PublishEmail

@Suite("RFC 2047 encoded-words")
struct EncodedWordsTests {
    /// The bytes one B or Q word carries.
    private func payload(_ word: String) -> [UInt8] {
        let inner = word.dropFirst(10).dropLast(2)
        if word.hasPrefix("=?UTF-8?B?") { return Array(Data(base64Encoded: String(inner))!) }
        var bytes: [UInt8] = []
        var index = inner.startIndex
        while index < inner.endIndex {
            if inner[index] == "=" {
                let hex = inner[inner.index(after: index)...].prefix(2)
                bytes.append(UInt8(hex, radix: 16)!)
                index = inner.index(index, offsetBy: 3)
            } else {
                bytes.append(inner[index] == "_" ? 32 : inner[index].asciiValue!)
                index = inner.index(after: index)
            }
        }
        return bytes
    }

    @Test("A Chinese title becomes words of at most 75 characters")
    func wordLength() {
        let words = EncodedWords.encode(String(repeating: "中文排版的几个小习惯", count: 8))
        #expect(words.count > 1 && words.allSatisfy { $0.count <= 75 })
    }

    @Test("Every word holds whole UTF-8 characters")
    func neverSplitsUTF8() {
        let words = EncodedWords.encode(String(repeating: "a中🚀é", count: 30))
        #expect(words.allSatisfy { String(validating: payload($0), as: UTF8.self) != nil })
    }

    @Test("The words decode, joined, to the text")
    func roundTrip() {
        let title = "读书笔记：重读《人月神话》 and 🧧 café"
        let decoded = EncodedWords.encode(title).flatMap(payload)
        #expect(String(decoding: decoded, as: UTF8.self) == title)
    }

    @Test("An emoji family (one grapheme of 25 bytes) is not split between words")
    func keepsGraphemes() {
        let family = "👩‍👩‍👧‍👦"
        let words = EncodedWords.encode(String(repeating: "x", count: 40) + family + family)
        let whole = words.map { String(decoding: payload($0), as: UTF8.self).components(separatedBy: family).count - 1 }
        #expect(words.count > 1 && whole.reduce(0, +) == 2)
    }

    @Test("Fifteen Chinese characters (45 bytes) fill one B word exactly; sixteen need two")
    func boundary() {
        #expect(EncodedWords.encode(String(repeating: "中", count: 15)) == ["=?UTF-8?B?" + String(repeating: "5Lit", count: 15) + "?="])
        #expect(EncodedWords.encode(String(repeating: "中", count: 16)).count == 2)
    }

    @Test("The first word fits the room left on the header's first line")
    func firstLength() {
        let words = EncodedWords.encode(String(repeating: "中", count: 40), firstLength: 66)
        #expect(words[0].count <= 66 && words.dropFirst().allSatisfy { $0.count <= 75 })
    }

    @Test("Mostly ASCII text is Q-encoded, spaces as underscores")
    func quotedForASCII() {
        #expect(EncodedWords.encode("A café") == ["=?UTF-8?Q?A_caf=C3=A9?="])
    }

    @Test("A plain ASCII subject is written as it is; one that looks encoded is encoded")
    func plainASCII() {
        #expect(HeaderField.unstructured("Subject", "Hello, workbench").value == "Hello, workbench")
        let encoded = HeaderField.unstructured("Subject", "=?UTF-8?Q?x?=").value
        #expect(encoded.hasPrefix("=?UTF-8?") && String(decoding: payload(encoded), as: UTF8.self) == "=?UTF-8?Q?x?=")
    }
}
