import Foundation
import PublishAST
import Testing
@testable import PublishEPUB

@Suite("Package metadata")
struct MetadataTests {
    @Test("A version 5 UUID matches the one Python's uuid.uuid5 gives")
    func uuid5() {
        #expect(NameUUID.version5("http://python.org/") == "4c565f0d-3f5a-5890-b41b-20cf47701c5e")
    }

    @Test("The identifier is a urn:uuid named after the site and the book, the same on every build")
    func identifier() throws {
        let files = ["_posts/2014-06-16-a.md": "Hi\n"]
        let first = try Fixtures.book(files).book.text("EPUB/package.opf")
        let second = try Fixtures.book(files).book.text("EPUB/package.opf")
        let uuid = NameUUID.version5("https://example.org/book.epub")
        #expect(first.contains("<dc:identifier id=\"book-id\">urn:uuid:\(uuid)</dc:identifier>"))
        #expect(first == second)
    }

    @Test("dcterms:modified is the newest post's date, else SOURCE_DATE_EPOCH")
    func modified() throws {
        let files = ["_posts/2014-06-16-a.md": "---\ndate: 2014-06-16 08:30:00 +0000\n---\nHi\n", "_posts/2013-01-01-b.md": "Hi\n"]
        #expect(try Fixtures.book(files).book.text("EPUB/package.opf")
            .contains("<meta property=\"dcterms:modified\">2014-06-16T08:30:00Z</meta>"))
        #expect(try Fixtures.book(files, environment: ["SOURCE_DATE_EPOCH": "0"]).book.text("EPUB/package.opf")
            .contains("<meta property=\"dcterms:modified\">1970-01-01T00:00:00Z</meta>"))
    }

    @Test("A Chinese blog with no language set is not labelled English")
    func judgedLanguage() throws {
        let opf = try Fixtures.book(["_posts/2014-06-16-a.md": "今天天气很好，我们去公园散步。Vim 很好用。\n"]).book.text("EPUB/package.opf")
        #expect(opf.contains("<dc:language>zh</dc:language>"))
    }

    @Test("A chapter in English in a Chinese book is marked English; one of images only keeps the book's language")
    func chapterLanguage() throws {
        let book = try Fixtures.book([
            "_posts/2014-06-16-a.md": String(repeating: "今天天气很好，我们去公园散步。这是一个很长的中文段落，用来判断语言。", count: 10) + "\n",
            "_posts/2014-06-17-b.md": "---\ntitle: 中文标题\n---\nThe whole of this chapter is written in English words.\n",
            "_posts/2014-06-18-c.md": "---\ntitle: 图\n---\n![](/dot.png)\n",
            "_posts/2014-06-19-d.md": "---\ntitle: 日本語\n---\nこれは日本語の文章です。ひらがなとカタカナがあります。\n",
        ], binary: ["dot.png": Fixtures.png]).book
        func language(_ file: String) throws -> String? {
            let text = try book.text("EPUB/" + file)
            return text.firstRange(of: #/xml:lang="([^"]+)"/#).map { String(text[$0].dropFirst(10).dropLast()) }
        }
        #expect(try book.text("EPUB/package.opf").contains("<dc:language>zh</dc:language>"))
        #expect(try language(BookLinks.chapterFile(0)) == "zh")
        #expect(try language(BookLinks.chapterFile(1)) == "en")
        #expect(try language(BookLinks.chapterFile(2)) == "zh")
        #expect(try language(BookLinks.chapterFile(3)) == "ja")
    }

    @Test("Code in a CJK book is set in monospace and never justified: the code rules outrank the :lang() ones")
    func codeOutranksLanguage() throws {
        let css = try Fixtures.book(["_posts/2014-06-16-a.md": "中文\n"]).book.text("EPUB/book.css")
        #expect(css.contains(":root pre, :root code, :root kbd, :root samp { font-family: monospace;"))
        #expect(css.contains(":root pre { text-align: left;"))
    }

    @Test("Title, authors, publisher, rights and subjects from categories are in the package")
    func declared() throws {
        var options = BookOptions()
        options.title = "Collected"
        options.authors = ["Lin Qiao", "Ann"]
        options.publisher = "Self"
        options.rights = "CC BY 4.0"
        let opf = try Fixtures.book(["_posts/2014-06-16-a.md": "---\ncategories: [tools, 排版]\n---\nHi\n"],
                                    options: options).book.text("EPUB/package.opf")
        for part in ["<dc:title>Collected</dc:title>", "<dc:creator id=\"creator-2\">Ann</dc:creator>",
                     "<dc:publisher>Self</dc:publisher>", "<dc:rights>CC BY 4.0</dc:rights>",
                     "<dc:subject>tools</dc:subject>\n<dc:subject>排版</dc:subject>"] {
            #expect(opf.contains(part), "\(part)")
        }
    }

    @Test("mimetype is the first entry, stored; the rest deflated")
    func container() throws {
        let entries = try Fixtures.book(["_posts/2014-06-16-a.md": "Hi\n"]).book.entries()
        #expect(entries.prefix(3) == ["mimetype 0", "META-INF/container.xml 8", "EPUB/package.opf 8"])
    }

    @Test("Two builds of the same site give the same bytes")
    func reproducible() throws {
        let files = ["_posts/2014-06-16-a.md": "![dot](/dot.png) Hi\n", "_posts/2015-06-16-b.md": "Ho\n"]
        let first = try Fixtures.book(files, binary: ["dot.png": Fixtures.png]).book.bytes
        let second = try Fixtures.book(files, binary: ["dot.png": Fixtures.png]).book.bytes
        #expect(first == second)
    }
}

@Suite("Language tags")
struct LanguageTagTests {
    @Test("The words a tag reads: traditional Chinese by script or region, simplified otherwise, Japanese, Korean, else English")
    func wordsLanguage() {
        #expect(["zh-Hant", "zh-TW", "zh_HK", "zh-Hant-CN", "zh-MO"].map(LanguageTag.wordsLanguage) == Array(repeating: "zh-Hant", count: 5))
        #expect(["zh", "zh-CN", "zh-Hans-HK", "ZH"].map(LanguageTag.wordsLanguage) == Array(repeating: "zh-Hans", count: 4))
        #expect(["ja-JP", "ko", "en-GB", "fr", ""].map(LanguageTag.wordsLanguage) == ["ja", "ko", "en", "en", "en"])
    }

    @Test("A front matter language that is not a BCP 47 tag is not put in the package")
    func illFormedLanguage() throws {
        let opf = try Fixtures.book(["_posts/2014-06-16-a.md": "---\nlang: Simplified Chinese\n---\nHello there, reader.\n"])
            .book.text("EPUB/package.opf")
        #expect(opf.contains("<dc:language>en</dc:language>"))
    }
}

@Suite("Modification date")
struct ModifiedTests {
    @Test("A post's updated date counts as the book's modification")
    func updated() throws {
        let files = ["_posts/2014-06-16-a.md": "---\nupdated: 2016-01-02 03:04:05 +0000\n---\nHi\n"]
        #expect(try Fixtures.book(files).book.text("EPUB/package.opf")
            .contains("<meta property=\"dcterms:modified\">2016-01-02T03:04:05Z</meta>"))
    }
}
