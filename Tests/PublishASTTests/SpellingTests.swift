import PublishAST
import Testing

@Suite("Spelling suggestions")
struct SpellingTests {
    @Test("A swap of two neighbours is one edit")
    func swapIsOneEdit() {
        #expect(Spelling.distance("yaer", "year") == 1)
    }

    @Test("Insertions, deletions and substitutions count one each")
    func plainEdits() {
        #expect(Spelling.distance("kitten", "sitting") == 3)
        #expect(Spelling.distance("", "abc") == 3)
        #expect(Spelling.distance("abc", "") == 3)
    }

    @Test("The nearest close candidate is suggested; a far one is not")
    func nearest() {
        #expect(Spelling.nearest(to: "tabels", among: ["tables", "footnotes"]) == "tables")
        #expect(Spelling.nearest(to: "zzz", among: ["tables", "footnotes"]) == nil)
    }
}
