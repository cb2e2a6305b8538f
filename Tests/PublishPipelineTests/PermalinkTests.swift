import Foundation
import PublishAST
import PublishPipeline
import Testing

@Suite("Permalinks")
struct PermalinkTests {
    let utc = TimeZone(identifier: "UTC")!

    func url(_ pattern: String, date: PostDate = PostDate(year: 2014, month: 6, day: 16), slug: String = "some-slug",
             categories: [String] = [], timeZone: TimeZone? = nil) throws -> String {
        let fields = Permalink.Fields(date: date, timeZone: timeZone ?? utc, slug: slug, categories: categories)
        return try Permalink(pattern).url(for: fields)
    }

    @Test("The date style is Jekyll's default")
    func dateStyle() throws {
        #expect(try url("date", categories: ["release"]) == "/release/2014/06/16/some-slug.html")
        #expect(Permalink.default.pattern == Permalink.styles["date"])
    }

    @Test("Without categories the date style has no empty segment")
    func noCategories() throws {
        #expect(try url("date") == "/2014/06/16/some-slug.html")
    }

    @Test("The pretty style ends in a slash")
    func prettyStyle() throws {
        #expect(try url("pretty") == "/2014/06/16/some-slug/")
    }

    @Test("The ordinal style uses the day of the year")
    func ordinalStyle() throws {
        #expect(try url("ordinal", date: PostDate(year: 2014, month: 2, day: 1)) == "/2014/032/some-slug.html")
    }

    @Test("The none style has categories and title only")
    func noneStyle() throws {
        #expect(try url("none", categories: ["a", "b"]) == "/a/b/some-slug.html")
    }

    @Test("Unpadded month and day, and a two-digit year")
    func unpaddedFields() throws {
        #expect(try url("/:short_year/:i_month/:i_day/:title/", date: PostDate(year: 2014, month: 6, day: 5))
            == "/14/6/5/some-slug/")
    }

    @Test("Categories are lower-cased and repeated ones dropped, as Jekyll does")
    func categoriesLowerCased() throws {
        #expect(try url("/:categories/:title:output_ext", categories: ["Jekyll", "Release", "jekyll"])
            == "/jekyll/release/some-slug.html")
    }

    @Test("A date with a zone is moved into the site's time zone first")
    func dateMovedToSiteZone() throws {
        let date = PostDate(year: 2013, month: 5, day: 6, hour: 2, minute: 12, utcOffset: 7200)
        let losAngeles = TimeZone(identifier: "America/Los_Angeles")!
        #expect(try url("date", date: date, timeZone: losAngeles) == "/2013/05/05/some-slug.html")
        #expect(try url("date", date: date) == "/2013/05/06/some-slug.html")
    }

    @Test("A date without a zone is the site's local time")
    func localDateStaysPut() throws {
        let shanghai = TimeZone(identifier: "Asia/Shanghai")!
        #expect(try url("date", date: PostDate(year: 2014, month: 6, day: 16, hour: 23), timeZone: shanghai)
            == "/2014/06/16/some-slug.html")
    }

    @Test(":title keeps case and more punctuation; :slug is lower-case letters and digits")
    func titleAndSlugModes() throws {
        #expect(try url("/:title/", slug: "Hello World!") == "/Hello-World!/")
        #expect(try url("/:slug/", slug: "Hello World!") == "/hello-world/")
    }

    @Test("A Chinese slug is percent-encoded in the URL and plain in the file path")
    func chineseSlug() throws {
        let address = try url("/:title/", slug: "中文排版")
        #expect(address == "/%E4%B8%AD%E6%96%87%E6%8E%92%E7%89%88/")
        #expect(Permalink.outputPath(for: address) == "中文排版/index.html")
    }

    @Test("A URL ending in a slash is served by index.html; one without an extension gains .html")
    func outputPaths() {
        #expect(Permalink.outputPath(for: "/2014/06/16/a/") == "2014/06/16/a/index.html")
        #expect(Permalink.outputPath(for: "/2014/06/16/a.html") == "2014/06/16/a.html")
        #expect(Permalink.outputPath(for: "/about") == "about.html")
        #expect(Permalink.outputPath(for: "/") == "index.html")
    }

    @Test("A permalink that climbs out of the output folder has no output path")
    func traversalRefused() {
        #expect(Permalink.outputPath(for: "/../../etc/passwd") == nil)
        #expect(Permalink.outputPath(for: "/a/%2E%2E/b") == nil)
    }

    @Test("An unknown placeholder is an error that names the nearest one")
    func unknownPlaceholder() {
        #expect {
            try Permalink("/:yaer/:title/")
        } throws: { error in
            "\(error)".contains("`:yaer`") && "\(error)".contains("did you mean `:year`?")
        }
    }

    @Test("Repeated slashes are folded")
    func slashesFolded() throws {
        #expect(try url("//blog//:title//") == "/blog/some-slug/")
    }
}
