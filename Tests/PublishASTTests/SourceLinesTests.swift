import PublishAST
import Testing

@Suite("Source lines")
struct SourceLinesTests {
    @Test("`lacks` finds a byte sequence anywhere, and says nothing for empty text")
    func lacks() {
        let text = SourceLines("a | b\nfoot[^1] and ~~x~~\nend[^")
        #expect(!text.lacks("|"))
        #expect(!text.lacks("[^"))
        #expect(!text.lacks("~~"))
        #expect(!text.lacks("end[^"))
        #expect(text.lacks("[^2"))
        #expect(text.lacks("^^"))
        #expect(text.lacks("a much longer needle than the text itself, by far, in bytes"))
        #expect(SourceLines("中文|").lacks("|") == false)
        #expect(SourceLines("中文").lacks("|"))
        #expect(!SourceLines.empty.lacks("|"))
        #expect(SourceLines.empty.isEmpty)
    }
}
