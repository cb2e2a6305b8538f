import PublishAST
import PublishPipeline
import PublishReader
import Testing

@Suite("Reading time")
struct ReadingTimeTests {
    func minutes(_ markdown: String) throws -> Int {
        ReadingTime.minutes(of: try MarkdownReader().read(Array(markdown.utf8)).document)
    }

    @Test("English is counted in words: 690 words take three minutes")
    func englishWords() throws {
        #expect(try minutes(String(repeating: "word ", count: 690)) == 3)
    }

    @Test("Chinese is counted in characters: 1,500 characters take three minutes")
    func chineseCharacters() throws {
        #expect(try minutes(String(repeating: "中文排版", count: 375)) == 3)
    }

    @Test("A short post takes at least a minute")
    func atLeastOneMinute() throws {
        #expect(try minutes("Hi.\n") == 1)
    }
}
