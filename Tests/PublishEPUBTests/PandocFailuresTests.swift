import Foundation
import Testing
@testable import PublishEPUB

/// Issue 6: pandoc's EPUB of a Chinese blog failed epubcheck on a control
/// character, links to fragments that do not exist, remote images and a
/// JPEG named `.png`. The same hazards in one small blog.
@Suite("What failed pandoc's book")
struct PandocFailuresTests {
    static let files = [
        "_posts/2014-06-16-pai-ban.md": "---\ntitle: 排版\n---\n## 中英文混排\n\n控制字符\u{1B}[0m 在这里。\n\n![照片](/images/photo.png)\n\n![远程](http://img.example.cn/a.jpg)\n",
        "_posts/2015-01-01-hui-gu.md": "---\ntitle: 回顾\n---\n见[混排](/2014/06/16/pai-ban.html#%E4%B8%AD%E8%8B%B1%E6%96%87%E6%B7%B7%E6%8E%92)和[不存在的](/2014/06/16/pai-ban.html#nowhere)，[本页](#missing)。\n\n| 列 | 值 |\n|---|---|\n| `a` | 1 |\n",
    ]
    /// The example site's photo: epubcheck opens images, so it must be a real one.
    static let jpeg = [UInt8](FileManager.default.contents(atPath: URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().appendingPathComponent("../../examples/site/images/torii.jpg").path) ?? Data())

    @Test("A book with all four passes epubcheck")
    func passes() throws {
        let (book, _) = try Fixtures.book(Self.files, binary: ["images/photo.png": Self.jpeg])
        #expect(try book.epubcheck().summary == Fixtures.clean)
    }

    @Test("A link to a Chinese heading of another post keeps its fragment")
    func chineseFragment() throws {
        let (book, _) = try Fixtures.book(Self.files, binary: ["images/photo.png": Self.jpeg])
        #expect(try book.text("EPUB/chapter-0002.xhtml").contains("<a href=\"chapter-0001.xhtml#中英文混排\">混排</a>"))
    }

    @Test("Each hazard is reported once, at its line")
    func reported() throws {
        let (_, diagnostics) = try Fixtures.book(Self.files, binary: ["images/photo.png": Self.jpeg])
        #expect(diagnostics.map { $0.prefix { $0 != " " } } == [
            "_posts/2014-06-16-pai-ban.md:10:1:", "_posts/2015-01-01-hui-gu.md:4:87:", "_posts/2015-01-01-hui-gu.md:4:138:",
        ])
    }
}
