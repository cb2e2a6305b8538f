import PublishPipeline
import Testing

@Suite("Slugs")
struct SlugTests {
    @Test("Runs of punctuation and spaces become one hyphen, none at the ends")
    func runsBecomeOneHyphen() {
        #expect(Slug.make("  Hello, World!  ") == "hello-world")
    }

    @Test("Letters of every script are kept")
    func everyScript() {
        #expect(Slug.make("中文 排版 Notes") == "中文-排版-notes")
        #expect(Slug.make("Ünïcödé café") == "ünïcödé-café")
    }

    @Test("The pretty mode keeps dots and other safe punctuation, and case when asked")
    func prettyMode() {
        #expect(Slug.make("Version 1.2 (beta)", mode: .pretty, cased: true) == "Version-1.2-(beta)")
    }
}
