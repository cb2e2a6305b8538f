import Foundation
import Testing
@testable import PublishHighlight

/// `code` as `class:text` pieces, plain text as itself: the tokens a lexer made.
func pieces(_ code: String, _ language: String, in catalog: LexerCatalog = .standard) -> [String] {
    guard case .highlighted(let runs) = Highlighter.highlight(code, language: language, catalog: catalog) else {
        return ["<none>"]
    }
    var result: [String] = []
    var bytes = Array(code.utf8)[...]
    for run in runs {
        let text = String(decoding: bytes.prefix(run.length), as: UTF8.self)
        bytes = bytes.dropFirst(run.length)
        result.append(run.type.shortClass.isEmpty ? text : "\(run.type.shortClass):\(text)")
    }
    return result
}

@Suite struct LexerTests {
    @Test func everyLexerFileCompilesAndEveryNameLeadsToOne() throws {
        let catalog = LexerCatalog.standard
        for (name, file) in catalog.names {
            _ = try catalog.compiledLexer(file)
            #expect(catalog.lexer(named: name) != nil, "\(name)")
        }
    }

    /// A catalog of lexers written here, for the engine's own rules.
    func catalog(_ files: [String: String]) -> LexerCatalog {
        LexerCatalog(index: "", files: files)
    }

    @Test func statesPushAndPopAndGroupsGetTheirOwnTokens() {
        let lexers = catalog(["t": """
            name: T
            states:
              root:
                - {match: '(def)( +)(\\w+)', groups: [Keyword, Text, Name.Function]}
                - ['"', String, string]
                - ['\\w+', Name]
                - ['\\s+', Text]
              string:
                - ['\\\\.', String.Escape]
                - ['"', String, '#pop']
                - ['[^"\\\\]+', String]
            """])
        #expect(pieces("def run \"a\\\"b\" x", "t", in: lexers)
                == ["k:def", " ", "nf:run", " ", "s:\"a", "se:\\\"", "s:b\"", " ", "n:x"])
    }

    @Test func aCharacterNoRuleMatchesIsPlainAndANewLineStartsOverFromTheRoot() {
        let lexers = catalog(["t": """
            name: T
            states:
              root:
                - ['/\\*', Comment, comment]
                - ['\\w+', Name]
              comment:
                - ['\\*/', Comment, '#pop']
                - ['[^*\\n]+', Comment]
            """])
        // The comment never closes; at the line's end no rule matches, and `b` is lexed from the root again.
        #expect(pieces("/* a\nb", "t", in: lexers) == ["c:/* a", "\n", "n:b"])
        #expect(pieces("日本 x", "t", in: lexers) == ["日本 ", "n:x"])
    }

    @Test func anotherLanguageLexesAPartWithUsing() {
        let lexers = catalog([
            "outer": "name: O\nstates:\n  root:\n    - {match: '(<)([^>]*)(>)', groups: [Punctuation, 'using:inner', Punctuation]}\n",
            "inner": "name: I\nstates:\n  root:\n    - ['\\d+', Number]\n",
        ])
        #expect(pieces("<a1>", "outer", in: lexers) == ["p:<", "a", "m:1", "p:>"])
    }

    @Test func aLexerThatWouldBacktrackForeverRunsOutOfStepsAndTheBlockStaysPlain() {
        let lexers = catalog(["bad": "name: Bad\nstates:\n  root:\n    - ['(a+)+$', Name]\n    - ['.', Text]\n"])
        let code = String(repeating: "a", count: 5_000) + "!"
        #expect(Highlighter.highlight(code, language: "bad", catalog: lexers) == .tooCostly)
    }

    @Test func endlessPushesStopAtTheDepthLimit() {
        let lexers = catalog(["t": """
            name: T
            states:
              root:
                - ['\\(', Punctuation, '#push']
                - ['\\)', Punctuation, '#pop']
            """])
        let code = String(repeating: "(", count: 100_000) + String(repeating: ")", count: 100_000)
        guard case .highlighted(let runs) = Highlighter.highlight(code, language: "t", catalog: lexers) else {
            Issue.record("not highlighted")
            return
        }
        #expect(runs == [TokenRun(length: 200_000, type: TokenType(named: "Punctuation")!)])
    }

    @Test func aBadLexerFileIsReportedWithItsName() {
        let lexers = catalog(["t": "name: T\nstates:\n  root:\n    - ['(', Name]\n"])
        #expect(throws: Lexer.DefinitionError.self) { try lexers.compiledLexer("t") }
        #expect(Highlighter.highlight("x", language: "t", catalog: lexers) == .unknownLanguage)
    }

    @Test func anUnknownLanguageIsSaidSo() {
        #expect(Highlighter.highlight("x", language: "no-such-language") == .unknownLanguage)
    }
}

@Suite struct BudgetTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../Fixtures/highlight").standardized

    /// Real code must stay far inside the step budget, or a long block of
    /// it would be left plain: each language's sample takes less than a
    /// quarter of what its length allows.
    @Test func realCodeTakesAFractionOfTheBudget() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.fixtures.path).sorted()
        #expect(names.count >= 33)
        var report: [String] = []
        for name in names {
            let language = String(name.split(separator: ".")[0])
            let code = try String(contentsOf: Self.fixtures.appendingPathComponent(name), encoding: .utf8)
            let lexer = try #require(LexerCatalog.standard.lexer(named: language), "\(language)")
            let (result, steps) = Highlighter.run(code, with: lexer, catalog: .standard)
            guard case .highlighted = result else {
                Issue.record("\(name) was not highlighted")
                continue
            }
            let perByte = Double(steps) / Double(code.utf8.count)
            report.append("\(language) \(Int(perByte))")
            #expect(perByte < Double(Highlighter.stepsPerByte) / 4, "\(name): \(Int(perByte)) steps a byte")
        }
        print("steps per byte:", report.joined(separator: ", "))
    }
}
