import PublishAST
import PublishStages
import PublishWriters
import Testing

@Suite("Heading ids")
struct HeadingIDsTests {
    let stages = ["heading-ids"]

    @Test("A heading's id is its text in lower case with spaces as hyphens")
    func slug() throws {
        #expect(try html("## Getting Started\n", stages: stages) == "<h2 id=\"getting-started\">Getting Started</h2>\n")
    }

    @Test("Punctuation goes; hyphens, underscores and digits stay")
    func punctuation() throws {
        #expect(try html("# What's new in v2.0? (snake_case & kebab-case)\n", stages: stages)
                == "<h1 id=\"whats-new-in-v20-snake_case--kebab-case\">What's new in v2.0? (snake_case &amp; kebab-case)</h1>\n")
    }

    @Test("Chinese and accented letters stay; emoji go, as on GitHub")
    func nonLatin() throws {
        #expect(try html("# 中文 Café 👋\n", stages: stages) == "<h1 id=\"中文-café-\">中文 Café 👋</h1>\n")
    }

    @Test("The text of code, emphasis, links and image descriptions counts")
    func innerText() throws {
        #expect(try html("# `run` *fast* [docs](/d) ![logo](l.png)\n", stages: stages)
                == "<h1 id=\"run-fast-docs-logo\"><code>run</code> <em>fast</em> <a href=\"/d\">docs</a> <img src=\"l.png\" alt=\"logo\" /></h1>\n")
    }

    @Test("Repeated headings get -1, -2")
    func unique() throws {
        #expect(try html("# Intro\n# Intro\n# Intro\n", stages: stages)
                == "<h1 id=\"intro\">Intro</h1>\n<h1 id=\"intro-1\">Intro</h1>\n<h1 id=\"intro-2\">Intro</h1>\n")
    }

    @Test("A generated id skips one that a heading wrote out")
    func skipsTakenIDs() throws {
        #expect(try html("# Intro\n# Intro 1\n# Intro\n", stages: stages)
                == "<h1 id=\"intro\">Intro</h1>\n<h1 id=\"intro-1\">Intro 1</h1>\n<h1 id=\"intro-2\">Intro</h1>\n")
    }

    @Test("A heading of only punctuation is a section")
    func emptySlug() throws {
        #expect(try html("# ?!\n# ...\n", stages: stages)
                == "<h1 id=\"section\">?!</h1>\n<h1 id=\"section-1\">...</h1>\n")
    }

    @Test("`{#id}` at the end of a heading is its id and leaves the text")
    func explicitID() throws {
        #expect(try html("## Title {#custom}\n", stages: stages) == "<h2 id=\"custom\">Title</h2>\n")
    }

    @Test("An asked-for id with an underscore, after a tab, in a setext heading")
    func explicitIDUnderscore() throws {
        #expect(try html("Title\t{#my_id}\n===\n", stages: stages) == "<h1 id=\"my_id\">Title</h1>\n")
    }

    @Test("Classes come with the id")
    func explicitClasses() throws {
        #expect(try html("# Title {#t .wide .dark}\n# Other {.note}\n", stages: stages)
                == "<h1 id=\"t\" class=\"wide dark\">Title</h1>\n<h1 id=\"other\" class=\"note\">Other</h1>\n")
    }

    @Test("Braces without a space before them, or not a name, stay text")
    func notExplicit() throws {
        #expect(try html("# a{#b}\n# c {#1}\n", stages: stages)
                == "<h1 id=\"ab\">a{#b}</h1>\n<h1 id=\"c-1\">c {#1}</h1>\n")
    }

    @Test("A generated id never takes an id asked for later")
    func explicitWins() throws {
        #expect(try html("# Intro\n# Other {#intro}\n", stages: stages)
                == "<h1 id=\"intro-1\">Intro</h1>\n<h1 id=\"intro\">Other</h1>\n")
    }

    @Test("An id asked for twice is a located warning")
    func duplicateExplicitWarns() throws {
        let warnings = try staged("# A {#x}\n\n# B {#x}\n", stages: stages).warnings
        #expect(warnings.map(\.description) == ["post.md:3:1: warning: the id `x` is asked for by two headings"])
    }

    @Test("The prefix goes before generated ids only")
    func prefix() throws {
        let stage = try HeadingIDs(options: Settings(owner: "stage `heading-ids`",
            values: YAMLMapping([.init(key: "prefix", value: .string("post-"))])))
        var (document, _) = try staged("# Intro\n# B {#b}\n", stages: [])
        var context = StageContext()
        stage.run(&document, context: &context)
        #expect(HTMLWriter().render(document) == "<h1 id=\"post-intro\">Intro</h1>\n<h1 id=\"b\">B</h1>\n")
    }

    @Test("With generate: false only headings that ask for an id get one; their classes stay either way")
    func askedOnly() throws {
        let stage = try HeadingIDs(options: Settings(owner: "stage `heading-ids`",
            values: YAMLMapping([.init(key: "generate", value: .bool(false))])))
        var (document, _) = try staged("# Intro\n# B {#b}\n# C {.wide}\n", stages: [])
        var context = StageContext()
        stage.run(&document, context: &context)
        #expect(HTMLWriter().render(document) == "<h1>Intro</h1>\n<h1 id=\"b\">B</h1>\n<h1 class=\"wide\">C</h1>\n")
    }

    @Test("Headings in block quotes and lists get ids")
    func nestedHeadings() throws {
        #expect(try html("> # Quoted\n- # Listed\n", stages: stages)
                == "<blockquote>\n<h1 id=\"quoted\">Quoted</h1>\n</blockquote>\n<ul>\n<li>\n<h1 id=\"listed\">Listed</h1>\n</li>\n</ul>\n")
    }

    @Test("Headings in 50,000 nested block quotes do not overflow the stack")
    func deepQuotes() {
        let depth = 50_000
        let output = htmlOnSmallStack(String(repeating: ">", count: depth) + " # Deep\n", stages: ["heading-ids"])
        #expect(output.contains("<h1 id=\"deep\">Deep</h1>"))
    }
}
