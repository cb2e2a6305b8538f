import Testing

@Suite("East Asian line breaks")
struct EastAsianLineBreaksTests {
    let stages = ["east-asian-line-breaks"]

    @Test("A break between two Chinese characters disappears")
    func chineseJoins() throws {
        #expect(try html("中文\n排版\n", stages: stages) == "<p>中文排版</p>\n")
    }

    @Test("A break after Chinese punctuation before Chinese disappears")
    func fullwidthPunctuationJoins() throws {
        #expect(try html("你好，\n世界。\n", stages: stages) == "<p>你好，世界。</p>\n")
    }

    @Test("A break between Chinese and English stays")
    func mixedKeepsBreak() throws {
        #expect(try html("中文\nEnglish\n", stages: stages) == "<p>中文\nEnglish</p>\n")
    }

    @Test("A break between English words stays")
    func englishKeepsBreak() throws {
        #expect(try html("one\ntwo\n", stages: stages) == "<p>one\ntwo</p>\n")
    }

    @Test("Hangul keeps its break: Korean spaces its words")
    func koreanKeepsBreak() throws {
        #expect(try html("한국\n어\n", stages: stages) == "<p>한국\n어</p>\n")
    }

    @Test("Japanese kana join across a break")
    func kanaJoins() throws {
        #expect(try html("ひらがな\nカタカナ\n", stages: stages) == "<p>ひらがなカタカナ</p>\n")
    }

    @Test("The characters are looked for inside emphasis and links")
    func looksInsideInlines() throws {
        #expect(try html("*强调*\n[链接](/x)\n", stages: stages) == "<p><em>强调</em><a href=\"/x\">链接</a></p>\n")
    }

    @Test("A hard break between Chinese characters stays")
    func hardBreakStays() throws {
        #expect(try html("中文\\\n排版\n", stages: stages) == "<p>中文<br />\n排版</p>\n")
    }

    @Test("A Chinese dash or ellipsis at a line's end joins the next Chinese line")
    func ambiguousPunctuationNextToChinese() throws {
        #expect(try html("不用首行缩进——\n在网页上\n", stages: stages) == "<p>不用首行缩进——在网页上</p>\n")
        #expect(try html("等等……\n然后\n", stages: stages) == "<p>等等……然后</p>\n")
    }

    @Test("An English dash at a line's end keeps its break")
    func ambiguousPunctuationInEnglish() throws {
        #expect(try html("wait\u{2014}\nthen\n", stages: stages) == "<p>wait\u{2014}\nthen</p>\n")
        #expect(try html("wait\u{2014}\n中文\n", stages: stages) == "<p>wait\u{2014}\n中文</p>\n")
    }

    @Test("Without the stage the soft break stays")
    func withoutStage() throws {
        #expect(try html("中文\n排版\n", stages: []) == "<p>中文\n排版</p>\n")
    }
}
