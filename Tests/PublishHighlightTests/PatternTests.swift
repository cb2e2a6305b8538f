import Testing
@testable import PublishHighlight

@Suite struct PatternTests {
    func matchEnd(_ source: String, _ text: String, at start: Int = 0, caseInsensitive: Bool = false) throws -> Int? {
        let pattern = try Pattern(source, caseInsensitive: caseInsensitive)
        var budget = 1_000_000
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            if case .matched(let end, _) = pattern.match(buffer, at: start, budget: &budget) { return end }
            return nil
        }
    }

    @Test func literalsClassesAndRepeatsMatchAtThePositionGiven() throws {
        #expect(try matchEnd("abc", "abcd") == 3)
        #expect(try matchEnd("abc", "xabc") == nil)
        #expect(try matchEnd("abc", "xabc", at: 1) == 4)
        #expect(try matchEnd("[a-c]+", "abcabd") == 5)
        #expect(try matchEnd("[^\"\\\\]+", "ab\\c") == 2)
        #expect(try matchEnd("\\d{2,3}", "12345") == 3)
        #expect(try matchEnd("\\d{2}", "1") == nil)
        #expect(try matchEnd("x{,2}y", "xxy") == 3)
        #expect(try matchEnd("a{2,}", "aaaa") == 4)
        #expect(try matchEnd("\\w+", "日本") == nil)
        #expect(try matchEnd("[[:alpha:]_]+", "ab_c1") == 4)
        #expect(try matchEnd("\\{", "{") == 1)
        #expect(try matchEnd("a{x", "a{x") == 3)
    }

    @Test func alternationIsLeftmostFirstAndRepeatsAreGreedyOrLazy() throws {
        #expect(try matchEnd("a|ab", "ab") == 1)
        #expect(try matchEnd("(?:a|ab)c", "abc") == 3)
        #expect(try matchEnd("/\\*.*?\\*/", "/* a */ b */") == 7)
        #expect(try matchEnd("/\\*.*\\*/", "/* a */ b */") == 12)
        #expect(try matchEnd("a??", "a") == 0)
    }

    @Test func anchorsAreRubys() throws {
        #expect(try matchEnd("^#", "a\n#", at: 2) == 3)
        #expect(try matchEnd("^#", "a#", at: 1) == nil)
        #expect(try matchEnd("[^\\n]*$", "ab\ncd") == 2)
        #expect(try matchEnd("if\\b", "iffy") == nil)
        #expect(try matchEnd("if\\b", "if(") == 2)
        #expect(try matchEnd("a\\z", "a") == 1)
        #expect(try matchEnd(".", "\n") == nil)
        #expect(try matchEnd("(?m).", "\n") == 1)
        #expect(try matchEnd("(?m:.)+x", "\n\nx") == 3)
    }

    @Test func lookaheadTestsWithoutConsuming() throws {
        #expect(try matchEnd("\\w+(?=\\()", "print(") == 5)
        #expect(try matchEnd("\\w+(?=\\()", "print ") == nil)
        #expect(try matchEnd("\\w+(?!\\()", "ab(") == 1)
    }

    @Test func caseInsensitivePatternsFoldASCIILetters() throws {
        #expect(try matchEnd("select", "SeLeCt", caseInsensitive: true) == 6)
        #expect(try matchEnd("[a-c]+", "ABC", caseInsensitive: true) == 3)
        #expect(try matchEnd("(?i)from", "FROM") == 4)
        #expect(try matchEnd("select", "SELECT") == nil)
    }

    @Test func aMultiByteCharacterIsOneCharacter() throws {
        #expect(try matchEnd(".", "日") == 3)
        #expect(try matchEnd("[^a]", "é") == 2)
        #expect(try matchEnd("日本", "日本語") == 6)
    }

    @Test func groupsAreReported() throws {
        let pattern = try Pattern("(func)(\\s+)(\\w+)?")
        var budget = 1000
        let bytes = Array("func  main".utf8)
        let outcome = bytes.withUnsafeBufferPointer { pattern.match($0, at: 0, budget: &budget) }
        guard case .matched(let end, let groups) = outcome else {
            Issue.record("no match")
            return
        }
        #expect(end == 10)
        #expect(groups == [0..<4, 4..<6, 6..<10])
    }

    @Test func anEmptyLoopBodyEndsTheLoop() throws {
        #expect(try matchEnd("(a*)*b", "aab") == 3)
        #expect(try matchEnd("(?:x?)*y", "y") == 1)
    }

    @Test func exponentialBacktrackingSpendsTheBudgetAndStops() throws {
        let pattern = try Pattern("(a+)+$")
        let bytes = Array((String(repeating: "a", count: 40) + "!").utf8)
        var budget = 100_000
        let outcome = bytes.withUnsafeBufferPointer { pattern.match($0, at: 0, budget: &budget) }
        guard case .exhausted = outcome else {
            Issue.record("expected the budget to run out, got \(outcome)")
            return
        }
    }

    @Test func badPatternsAreRefusedWithWhereTheyWentWrong() {
        for source in ["(a", "a)", "[a", "*a", "(?<=a)b", "\\q", "a{3,1}", "a{1001}"] {
            #expect(throws: PatternParser.SyntaxError.self, "\(source)") { try Pattern(source) }
        }
    }
}
