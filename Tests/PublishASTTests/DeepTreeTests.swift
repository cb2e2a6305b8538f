import PublishAST
import Testing
import TestSupport

@Suite("Trees of any depth")
struct DeepTreeTests {
    @Test("100,000 nested emphasis nodes encode, decode, compare, compact and walk without recursion")
    func deepEmphasis() {
        onSecondaryThread {
            let document = Fixtures.nestedEmphasis(depth: 100_000)
            let json = document.jsonBytes()
            let roundTrips = (try? Document(json: json)) == document
            #expect(roundTrips)
            let compactIsEqual = document.compacted() == document
            #expect(compactIsEqual)
            #expect(document.nodeCount == 100_003)
            var copy = document
            copy.setKind(.inline(.strong), of: copy.firstChild(of: copy.firstChild(of: copy.root)!)!)
            let editedDiffers = copy != document
            #expect(editedDiffers)
        }
    }
}
