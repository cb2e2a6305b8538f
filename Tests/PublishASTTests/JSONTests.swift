import PublishAST
import Testing

@Suite("The JSON form")
struct JSONTests {
    @Test("A document with every node kind survives a round trip unchanged")
    func roundTrip() throws {
        let document = Fixtures.everyKind()
        let decoded = try Document(json: document.jsonBytes())
        #expect(decoded == document)
        #expect(decoded.jsonBytes() == document.jsonBytes())
    }

    @Test("The JSON carries its version, path and typed metadata")
    func versionAndMetadata() throws {
        let json = Fixtures.everyKind().jsonString()
        #expect(json.hasPrefix(#"{"version":1,"path":"_posts/2025-01-29-every-kind.md","metadata":{"title":"Every kind","date":"2025-01-29T18:15:32+05:30""#))
        #expect(json.contains(#""extra":{"series":{"name":"Tree","part":2},"ratio":1.5,"list":[true,null,"x"]}"#))
        #expect(json.hasSuffix("]}\n"))
    }

    @Test("Control characters, quotes and backslashes in text are escaped")
    func escaping() {
        #expect(Fixtures.everyKind().jsonString().contains(#""text":"Intro \"quoted\" \\ \n\t\u0001""#))
    }

    @Test("Members may come in any order, children before type")
    func anyMemberOrder() throws {
        let json = #"{"content":[{"children":[{"text":"hi","type":"text"}],"type":"paragraph"}],"version":1}"#
        let document = try Document(json: Array(json.utf8))
        let paragraph = try #require(document.firstChild(of: document.root))
        #expect(document.kind(of: paragraph) == .block(.paragraph))
        let text = try #require(document.firstChild(of: paragraph))
        #expect(document.kind(of: text) == .inline(.text("hi")))
    }

    @Test("Unknown members are ignored, so later versions can add some")
    func unknownMembers() throws {
        let json = #"{"version":1,"future":{"a":[1,{"b":2}]},"content":[{"type":"thematic_break","later":[1]}]}"#
        let document = try Document(json: Array(json.utf8))
        let node = try #require(document.firstChild(of: document.root))
        #expect(document.kind(of: node) == .block(.thematicBreak))
    }

    @Test("A paragraph inside a word is refused, located at the parent's object")
    func structuralRule() {
        let json = "{\"version\":1,\"content\":[\n  {\"type\":\"emph\",\"children\":[{\"type\":\"paragraph\",\"children\":[]}]}]}"
        #expect(throws: Diagnostic.error("a emph cannot contain a paragraph", at: SourceLocation(path: "plugin", line: 2, column: 3))) {
            try Document(json: Array(json.utf8), source: "plugin")
        }
    }

    @Test("Inlines directly in the document are refused")
    func inlineAtTopLevel() {
        let json = #"{"version":1,"content":[{"type":"text","text":"loose"}]}"#
        #expect(throws: Diagnostic.self) { try Document(json: Array(json.utf8)) }
    }

    @Test("A syntax error is reported at its line and column")
    func syntaxError() {
        let json = "{\"version\":1,\n\"content\":[}"
        #expect(throws: Diagnostic.error("unexpected character", at: SourceLocation(path: "<json>", line: 2, column: 12))) {
            try Document(json: Array(json.utf8))
        }
    }

    @Test("Another version of the form is refused")
    func otherVersion() {
        #expect(throws: Diagnostic.self) { try Document(json: Array(#"{"version":2,"content":[]}"#.utf8)) }
    }

    @Test("Malformed JSON is refused, never crashes", arguments: [
        "", "{", "[", #"{"version":1,"content":[{"type":"text","text":"a"}"#, #"{"version":1,"content":[] x"#,
        #"{"version":1,"content":[{"type":"heading","level":9,"children":[]}]}"#, #"{"a":}"#, #"{"version":1,"content":[1,]}"#,
        #"{"version":1,"content":[{"type":"text","text":"\x"}]}"#, #"{"version":1,"content":[{"type":"nope"}]}"#,
    ])
    func malformed(json: String) {
        #expect(throws: Diagnostic.self) { try Document(json: Array(json.utf8)) }
    }

    @Test("Unicode escapes decode, surrogate pairs included")
    func unicodeEscapes() throws {
        let json = #"{"version":1,"content":[{"type":"paragraph","children":[{"type":"text","text":"\u4e2d\ud83d\ude00\u00e9"}]}]}"#
        let document = try Document(json: Array(json.utf8))
        let paragraph = try #require(document.firstChild(of: document.root))
        let text = try #require(document.firstChild(of: paragraph))
        #expect(document.kind(of: text) == .inline(.text("中😀é")))
    }
}
