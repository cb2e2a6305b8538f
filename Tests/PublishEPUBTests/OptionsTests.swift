import PublishAST
import Testing
@testable import PublishEPUB

@Suite("Book options")
struct OptionsTests {
    private func emitter(_ values: [String: YAMLValue]) throws -> EPUBEmitter {
        let mapping = YAMLMapping(values.sorted { $0.key < $1.key }.map { .init(key: $0.key, value: $0.value) })
        return try EPUBEmitter(options: Settings(owner: "output `epub`", values: mapping))
    }

    @Test("With no options the book is the whole blog at book.epub, oldest first")
    func defaults() throws {
        let books = try emitter([:]).books
        #expect(books == [BookOptions()])
        let book = books[0]
        #expect(book.path == "book.epub" && book.selection == .all && !book.newestFirst)
    }

    @Test("An unknown option is an error naming the nearest one")
    func unknownOption() {
        #expect(throws: Diagnostic.self) { try emitter(["titel": .string("x")]) }
    }

    @Test("A category selection keeps only that category's posts")
    func category() throws {
        var options = BookOptions()
        options.selection = .category("swift")
        let (book, _) = try Fixtures.book([
            "_posts/2014-06-16-a.md": "---\ntitle: In\ncategory: swift\n---\nHi\n",
            "_posts/2014-06-17-b.md": "---\ntitle: Out\n---\nHi\n",
        ], options: options)
        let nav = try book.text("EPUB/nav.xhtml")
        #expect(nav.contains(">In</a>") && !nav.contains(">Out</a>"))
    }

    @Test("A list selection keeps the named posts in the order given")
    func list() throws {
        let books = try emitter(["selection": .string("list"), "posts": .string("b, a"), "order": .string("oldest-first")]).books
        #expect(books.map(\.selection) == [.list(["b", "a"])])
    }

    @Test("newest-first reverses the chapters")
    func newestFirst() throws {
        var options = BookOptions()
        options.newestFirst = true
        let (book, _) = try Fixtures.book(["_posts/2014-06-16-a.md": "---\ntitle: Old\n---\nHi\n",
                                           "_posts/2015-06-16-b.md": "---\ntitle: New\n---\nHi\n"], options: options)
        #expect(try book.text("EPUB/chapter-0001.xhtml").contains("<h1 class=\"chapter-title\">New</h1>"))
    }

    @Test("selection: category without a category is an error")
    func categoryNeedsName() {
        #expect(throws: Diagnostic.self) { try emitter(["selection": .string("category")]) }
    }

    @Test("books declares several books, each with its own keys")
    func severalBooks() throws {
        func book(_ entries: [(String, String)]) -> YAMLValue {
            .mapping(YAMLMapping(entries.map { .init(key: $0.0, value: .string($0.1)) }))
        }
        let books = try emitter(["books": .sequence([
            book([("path", "all.epub")]),
            book([("path", "swift.epub"), ("selection", "category"), ("category", "swift")]),
        ])]).books
        #expect(books.map(\.path) == ["all.epub", "swift.epub"])
        #expect(books.map(\.selection) == [.all, .category("swift")])
    }

    @Test("Two books at one path, or a book's key beside books, are errors")
    func booksMistakes() {
        let same = YAMLValue.mapping(YAMLMapping([.init(key: "path", value: .string("a.epub"))]))
        #expect(throws: Diagnostic.self) { try emitter(["books": .sequence([same, same])]) }
        #expect(throws: Diagnostic.self) { try emitter(["books": .sequence([same]), "title": .string("x")]) }
    }
}
