import PublishAST
import Testing
@testable import PublishDelivery

@Suite("CSV reading (RFC 4180)")
struct CSVReaderTests {
    func values(_ text: String) -> [[String]] {
        CSVReader(text, path: "list.csv").records.map { $0.fields.map(\.value) }
    }

    @Test("Plain fields, LF or CRLF or CR line ends, with or without a last line break")
    func plainRecords() {
        #expect(values("email,name\na@example.org,Ann\n") == [["email", "name"], ["a@example.org", "Ann"]])
        #expect(values("email,name\r\na@example.org,Ann") == [["email", "name"], ["a@example.org", "Ann"]])
        #expect(values("email,name\ra@example.org,Ann\r") == [["email", "name"], ["a@example.org", "Ann"]])
    }

    @Test("Quoted fields hold commas, doubled quotes and line breaks, and count their lines")
    func quotedFields() {
        let csv = CSVReader("email,name\r\n\"a@example.org\",\"Lee, \"\"Ann\"\"\r\nthe second\"\r\nb@example.org,Bob\r\n",
                            path: "list.csv")
        #expect(csv.problems.isEmpty)
        #expect(csv.records.map { $0.fields.map(\.value) } == [
            ["email", "name"], ["a@example.org", "Lee, \"Ann\"\r\nthe second"], ["b@example.org", "Bob"],
        ])
        #expect(csv.records.map(\.line) == [1, 2, 4])
    }

    @Test("Fields know their line and column; empty fields and a trailing comma are fields")
    func positions() {
        let csv = CSVReader("a,,c\nx,y,\n", path: "list.csv")
        #expect(csv.records.map { $0.fields.map(\.value) } == [["a", "", "c"], ["x", "y", ""]])
        #expect(csv.records[0].fields.map(\.column) == [1, 3, 4])
        #expect(csv.records[1].fields.map(\.line) == [2, 2, 2])
    }

    @Test("A byte order mark is dropped, and blank lines are no records")
    func bomAndBlankLines() {
        #expect(values("\u{FEFF}email\n\na@example.org\n\n") == [["email"], ["a@example.org"]])
        #expect(CSVReader("\u{FEFF}email\n", path: "x").records[0].fields[0].column == 1)
    }

    @Test("Text after a closing quote is reported at its place, and only that record is skipped")
    func textAfterQuote() {
        let csv = CSVReader("email\n\"a@example.org\"x\nb@example.org\n", path: "list.csv")
        #expect(csv.records.map { $0.fields.map(\.value) } == [["email"], ["b@example.org"]])
        #expect(csv.problems.map(\.location?.description) == ["list.csv:2:16"])
    }

    @Test("A quote inside an unquoted field is reported at the field")
    func strayQuote() {
        let csv = CSVReader("email,name\na@example.org,Ann \"Lee\"\n", path: "list.csv")
        #expect(csv.records.count == 1)
        #expect(csv.problems.map(\.location?.description) == ["list.csv:2:15"])
    }

    @Test("A quote never closed is reported at its line, and reading goes on at the next line")
    func unclosedQuote() {
        let csv = CSVReader("email,name\n\"a@example.org,Ann\nb@example.org,Bob\n", path: "list.csv")
        #expect(csv.records.map { $0.fields.map(\.value) } == [["email", "name"], ["b@example.org", "Bob"]])
        #expect(csv.problems.map(\.description) == ["list.csv:2:1: error: this quoted field is never closed"])
    }

    @Test("Each broken line is its own problem: a file of them yields one per line and no record")
    func brokenLinesOneByOne() {
        let lines = ["email"] + (1...2_000).map { "\"\($0)@example.org" }
        let csv = CSVReader(lines.joined(separator: "\n"), path: "list.csv")
        #expect(csv.records.count == 1)
        #expect(csv.problems.count == 2_000)
        #expect(csv.problems.last?.description == "list.csv:2001:1: error: this quoted field is never closed")
    }
}
