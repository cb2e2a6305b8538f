import Foundation
import Testing
@testable import PublishWriters

@Suite("Filling lines of plain text")
struct TextWrapperTests {
    @Test("The shortcut for ASCII text wraps as the general way does, at every width")
    func asciiShortcut() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", "word", "longerword", "punctuation,", "(open", "close)", "end.", "x-y", "",
                      "supercalifragilisticexpialidocious", "\t", "  ", "!?", "http://example.org/a/b?c=d"]
        for width in [1, 5, 12, 20, 40, 72] {
            for _ in 0..<200 {
                let count = Int.random(in: 0...30, using: &generator)
                let text = (0..<count).map { _ in pieces.randomElement(using: &generator)! }
                    .joined(separator: Bool.random(using: &generator) ? " " : "  ")
                let wrapper = TextWrapper(width: width)
                #expect(wrapper.wrap(text) == wrapper.wrap(text, fastASCII: false), "width \(width): \(text.debugDescription)")
            }
        }
    }

    @Test("Text is cut into lines bytewise as the character split cuts it, with and without CR")
    func lines() {
        for text in ["", "\n", "a", "a\nb", "a\n\nb\n", "\n\na", "中文\n文字\n", "a\r\nb\nc", "x\ry", "é\n\u{301}b"] {
            #expect(TextWalker.lines(of: text) == text.split(separator: "\n", omittingEmptySubsequences: false),
                    "\(text.debugDescription)")
        }
    }

    @Test("Trimming a line drops what Foundation's whitespace set drops, and only that")
    func trimming() {
        // Every scalar Foundation's set holds, alone and around a word.
        let spaces = (0...0x10FFFF).compactMap(Unicode.Scalar.init).filter { CharacterSet.whitespaces.contains($0) }
        #expect(spaces.count > 10)
        for space in spaces {
            let line = "\(space)word\(space)"
            #expect(TextWalker.trimmingSpaces(Substring(line)) == "word", "U+\(String(space.value, radix: 16))")
        }
        for scalar in (0...0x3000).compactMap(Unicode.Scalar.init) where !CharacterSet.whitespaces.contains(scalar) {
            let line = "\(scalar)word\(scalar)"
            #expect(TextWalker.trimmingSpaces(Substring(line)) == line.trimmingCharacters(in: .whitespaces))
        }
        for line in ["", " ", "\t a b \t", "\u{3000}全角\u{3000}", "\u{00A0}nbsp\u{00A0}", "x", " \u{2003}em\u{2003} ",
                     "a\u{0301} ", "\u{200B}zero width\u{200B}", "\n"] {
            #expect(TextWalker.trimmingSpaces(Substring(line)) == line.trimmingCharacters(in: .whitespaces),
                    "\(line.debugDescription)")
        }
    }
}
