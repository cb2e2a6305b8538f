import PublishAST
import PublishReader
import Testing

@Suite("Post file names")
struct PostFileNameTests {
    @Test("Reads the date from a post's file name")
    func dateFromFileName() throws {
        let result = try read("Hello\n", path: "_posts/2014-06-16-some-slug.md")
        #expect(result.document.metadata.date == PostDate(year: 2014, month: 6, day: 16))
    }

    @Test("Reads the slug from a post's file name")
    func slugFromFileName() throws {
        let result = try read("Hello\n", path: "_posts/2014-06-16-some-slug.md")
        #expect(result.document.metadata.slug == "some-slug")
    }

    @Test("A file-name date has no time and no offset")
    func fileNameDateHasNoTime() throws {
        let result = try read("Hello\n", path: "_posts/2014-06-16-some-slug.md")
        let date = try #require(result.document.metadata.date)
        #expect(date.description == "2014-06-16T00:00:00")
    }

    @Test("A `.markdown` file gives the same date and slug as a `.md` file")
    func markdownExtension() throws {
        let metadata = try read("Hello\n", path: "_posts/2014-06-16-some-slug.markdown").document.metadata
        #expect(metadata.date == PostDate(year: 2014, month: 6, day: 16) && metadata.slug == "some-slug")
    }

    @Test("PostFileName keeps the extension without its dot")
    func fileExtension() throws {
        let name = try #require(PostFileName(path: "_posts/2014-06-16-some-slug.markdown"))
        #expect(name.fileExtension == "markdown")
    }

    @Test("`md` and `markdown` are Markdown extensions, `html` is not",
          arguments: [("2014-06-16-a.md", true), ("2014-06-16-a.markdown", true), ("2014-06-16-a.html", false)])
    func isMarkdown(path: String, expected: Bool) throws {
        let name = try #require(PostFileName(path: path))
        #expect(name.isMarkdown == expected)
    }

    @Test("A one-digit month and day are read as Jekyll reads them")
    func oneDigitMonthAndDay() throws {
        let name = try #require(PostFileName(path: "_posts/2014-6-1-short.md"))
        #expect(name.date == PostDate(year: 2014, month: 6, day: 1))
    }

    @Test("A slug keeps its inner dots; only the last extension is dropped")
    func slugWithDots() throws {
        let name = try #require(PostFileName(path: "_posts/2014-06-16-version-1.2.md"))
        #expect(name.slug == "version-1.2")
    }

    @Test("A name without a date gives neither date nor slug",
          arguments: ["about.md", "_posts/2014-13-40-x.md", "_posts/2014-06-16.md", "_posts/2014-02-30-x.md"])
    func nonDateNames(path: String) throws {
        let metadata = try read("Hello\n", path: path).document.metadata
        #expect(metadata.date == nil && metadata.slug == nil)
    }

    @Test("PostFileName refuses a name without a real date",
          arguments: ["about.md", "_posts/2014-13-40-x.md", "_posts/2014-06-16.md", "2014-06-16-.md", "2014-06-16-x"])
    func refusesNonDateNames(path: String) {
        #expect(PostFileName(path: path) == nil)
    }

    // Jekyll's post pattern is `\d{2,4}-\d{1,2}-\d{1,2}-(.*)(\.[^.]+)$`: a sign
    // is not a digit, so these are not posts.
    @Test("A sign inside the date part is not a date", arguments: ["2014-+6-16-x.md", "+201-06-16-x.md"])
    func signIsNotADigit(path: String) {
        #expect(PostFileName(path: path) == nil)
    }

    @Test("Standard input has no file name, so no date")
    func standardInputHasNoDate() throws {
        let metadata = try read("Hello\n", path: nil).document.metadata
        #expect(metadata.date == nil)
    }

    @Test("`slug:` in front matter overrides the file-name slug")
    func frontMatterSlugWins() throws {
        let metadata = try metadata("slug: chosen\n", path: "_posts/2014-06-16-some-slug.md")
        #expect(metadata.slug == "chosen")
    }

    @Test("`date:` in front matter overrides the file-name date")
    func frontMatterDateWins() throws {
        let metadata = try metadata("date: 2025-01-29 18:15:32 +0530\n", path: "_posts/2014-06-16-some-slug.md")
        #expect(metadata.date == PostDate(year: 2025, month: 1, day: 29, hour: 18, minute: 15, second: 32,
                                          utcOffset: 19800))
    }

    @Test("A front-matter date leaves the file-name slug in place")
    func frontMatterDateKeepsSlug() throws {
        let metadata = try metadata("date: 2025-01-29\n", path: "_posts/2014-06-16-some-slug.md")
        #expect(metadata.slug == "some-slug")
    }

    @Test("The document keeps the path it was read from")
    func documentPath() throws {
        let result = try read("Hello\n", path: "_posts/2014-06-16-some-slug.md")
        #expect(result.document.path == "_posts/2014-06-16-some-slug.md")
    }
}
