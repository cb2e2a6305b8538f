import PublishAST
import PublishReader
import Testing

@Suite("Front matter keys")
struct FrontMatterTests {
    // MARK: Text keys

    @Test("`title:` is the title")
    func title() throws {
        #expect(try metadata("title: Hello, World\n").title == "Hello, World")
    }

    @Test("`description:` is the description")
    func description() throws {
        #expect(try metadata("description: A short summary.\n").description == "A short summary.")
    }

    @Test("`excerpt:` is the excerpt, as written")
    func excerpt() throws {
        #expect(try metadata("excerpt: \"*Bold* start\"\n").excerpt == "*Bold* start")
    }

    @Test("`lang:` is the language")
    func lang() throws {
        #expect(try metadata("lang: fr-CA\n").language == "fr-CA")
    }

    @Test("`language:` is the language when `lang:` is absent")
    func language() throws {
        #expect(try metadata("language: de\n").language == "de")
    }

    @Test("`lang:` wins over `language:`")
    func langWinsOverLanguage() throws {
        #expect(try metadata("language: de\nlang: fr\n").language == "fr")
    }

    @Test("`permalink:` is kept as written")
    func permalink() throws {
        #expect(try metadata("permalink: /blog/:year/:title/\n").permalink == "/blog/:year/:title/")
    }

    @Test("A number as a title is read as its text")
    func numericTitle() throws {
        #expect(try metadata("title: 1984\n").title == "1984")
    }

    @Test("A list where text belongs is an error at the value")
    func titleAsList() {
        let error = diagnostic(reading: "---\nlayout: post\ntitle: [a, b]\n---\n")
        #expect(error?.description == "post.md:3:8: error: `title` must be text, not a list or mapping")
    }

    // MARK: Categories and tags

    @Test("`categories:` as a list")
    func categoriesList() throws {
        #expect(try metadata("categories: [swift, yaml]\n").categories == ["swift", "yaml"])
    }

    @Test("`categories:` as a string is split at white space")
    func categoriesString() throws {
        #expect(try metadata("categories: \"a b  c\"\n").categories == ["a", "b", "c"])
    }

    @Test("`category:` is taken whole, not split")
    func categorySingular() throws {
        #expect(try metadata("category: Release Notes\n").categories == ["Release Notes"])
    }

    @Test("`category:` wins over `categories:` when both are present")
    func categoryWins() throws {
        #expect(try metadata("categories: [a, b]\ncategory: Release Notes\n").categories == ["Release Notes"])
    }

    @Test("A number in `categories:` becomes its text")
    func numericCategory() throws {
        #expect(try metadata("categories: [2014, news]\n").categories == ["2014", "news"])
    }

    @Test("A repeated category is kept once, in first-seen order")
    func repeatedCategories() throws {
        #expect(try metadata("categories: [b, a, b, a]\n").categories == ["b", "a"])
    }

    @Test("A list item with spaces in `categories:` stays whole")
    func categoryItemWithSpaces() throws {
        #expect(try metadata("categories: [Release Notes, news]\n").categories == ["Release Notes", "news"])
    }

    @Test("`tags:` as a list")
    func tagsList() throws {
        #expect(try metadata("tags:\n  - swift\n  - yaml\n").tags == ["swift", "yaml"])
    }

    @Test("`tags:` as a string is split at white space")
    func tagsString() throws {
        #expect(try metadata("tags: swift yaml\tjekyll\n").tags == ["swift", "yaml", "jekyll"])
    }

    @Test("`tags:` as a string is split at commas too, Chinese ones included: no name ends in a comma")
    func tagsWithCommas() throws {
        #expect(try metadata("tags: openstack, 排版，写作、工具\n").tags == ["openstack", "排版", "写作", "工具"])
    }

    @Test("`tag:` is taken whole and wins over `tags:`")
    func tagWins() throws {
        #expect(try metadata("tags: [a, b]\ntag: Open Source\n").tags == ["Open Source"])
    }

    @Test("Numbers in `tags:` become text and repeats are dropped")
    func numericAndRepeatedTags() throws {
        #expect(try metadata("tags: [2014, x, 2014, 1.5]\n").tags == ["2014", "x", "1.5"])
    }

    @Test("A mapping in `tags:` is an error at the mapping")
    func tagsAsMapping() {
        let error = diagnostic(reading: "---\ntags: {a: 1}\n---\n")
        #expect(error?.description == "post.md:2:7: error: `tags` must be a list of names or a string")
    }

    // MARK: Published

    @Test("`published: false` unpublishes the post")
    func publishedFalse() throws {
        #expect(try metadata("published: false\n").published == false)
    }

    @Test("`published: \"false\"`, a string, leaves the post published")
    func publishedFalseString() throws {
        #expect(try metadata("published: \"false\"\n").published == true)
    }

    @Test("A post without `published:` is published")
    func publishedAbsent() throws {
        #expect(try metadata("title: Hi\n").published == true)
    }

    // MARK: Authors

    @Test("`author: Jane` is one author")
    func authorName() throws {
        #expect(try metadata("author: Jane\n").authors == [Author(name: "Jane")])
    }

    @Test("`author:` as a mapping gives name and email")
    func authorMapping() throws {
        #expect(try metadata("author: {name: Jane, email: j@x.org}\n").authors
            == [Author(name: "Jane", email: "j@x.org")])
    }

    @Test("`authors:` as a list gives each author in order")
    func authorsList() throws {
        #expect(try metadata("authors: [A, B]\n").authors == [Author(name: "A"), Author(name: "B")])
    }

    @Test("An author mapping without a name is an error at the mapping")
    func authorWithoutName() {
        let error = diagnostic(reading: "---\ntitle: x\nauthor:\n  email: j@x.org\n---\n")
        #expect(error?.description == "post.md:4:3: error: an author written as a mapping needs a `name`")
    }

    // MARK: Other keys

    @Test("Known keys are not repeated in `extra`")
    func knownKeysNotInExtra() throws {
        #expect(try metadata("title: A\ntags: [b]\npublished: false\nlang: en\n").extra.isEmpty)
    }

    @Test("An integer stays an integer")
    func extraInt() throws {
        #expect(try metadata("rating: 4\n").extra["rating"] == .int(4))
    }

    @Test("A decimal stays a double")
    func extraDouble() throws {
        #expect(try metadata("score: 4.5\n").extra["score"] == .double(4.5))
    }

    @Test("A boolean stays a boolean")
    func extraBool() throws {
        #expect(try metadata("comments: true\n").extra["comments"] == .bool(true))
    }

    @Test("A null stays a null", arguments: ["cover: ~\n", "cover: null\n", "cover:\n"])
    func extraNull(yaml: String) throws {
        #expect(try metadata(yaml).extra["cover"] == .null)
    }

    @Test("A quoted number stays a string")
    func extraQuotedNumber() throws {
        #expect(try metadata("version: \"4\"\n").extra["version"] == .string("4"))
    }

    @Test("A nested mapping stays a mapping, in written order")
    func extraMapping() throws {
        let expected = YAMLMapping([.init(key: "type", value: .string("BlogPosting")), .init(key: "width", value: .int(800))])
        #expect(try metadata("seo:\n  type: BlogPosting\n  width: 800\n").extra["seo"] == .mapping(expected))
    }

    @Test("A list stays a list of typed values")
    func extraList() throws {
        #expect(try metadata("links: [a, 1, false]\n").extra["links"]
            == .sequence([.string("a"), .int(1), .bool(false)]))
    }

    @Test("A timestamp in another key stays the string as written")
    func extraTimestamp() throws {
        #expect(try metadata("event_at: 2014-06-16 10:30:00 -07:00\n").extra["event_at"]
            == .string("2014-06-16 10:30:00 -07:00"))
    }

    @Test("Other keys keep the order they were written in")
    func extraOrder() throws {
        let yaml = "zeta: 1\ntitle: T\nalpha: 2\nlayout: post\nmiddle: 3\n"
        #expect(try metadata(yaml).extra.keys == ["zeta", "alpha", "layout", "middle"])
    }
}
