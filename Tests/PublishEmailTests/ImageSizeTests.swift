import Foundation
import Testing
@testable import PublishEmail

@Suite("Image sizes")
struct ImageSizeTests {
    private let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../examples/site/images").standardizedFileURL

    @Test("A PNG's size is read from its header")
    func png() throws {
        let bytes = Array(try Data(contentsOf: examples.appendingPathComponent("lantern.png")))
        #expect(ImageSize.of(bytes)! == (16, 16))
    }

    @Test("A JPEG's size is read from its frame header, after its other segments")
    func jpeg() throws {
        let bytes = Array(try Data(contentsOf: examples.appendingPathComponent("torii.jpg")))
        #expect(ImageSize.of(bytes)! == (16, 16))
    }

    @Test("A GIF's size is little-endian")
    func gif() {
        #expect(ImageSize.of(Array("GIF89a".utf8) + [0x2C, 0x01, 0x64, 0x00])! == (300, 100))
    }

    @Test("An image wider than the column is shown at the column's width, in proportion")
    func scaled() {
        #expect(ImageSize.shown((1072, 800))! == (536, 400))
    }

    @Test("The site's own image, wide enough for its alt text, gets its width and height in the message")
    func sizedInMessage() throws {
        let build = try NewsletterBuild(["_posts/2014-06-16-hello.md": "![Lantern](/lantern.png)\n"],
                                        binary: ["lantern.png": NewsletterFitTests.png(width: 200, height: 150)])
        #expect(try build.message().contains("<img width=3D\"200\" height=3D\"150\""))
    }
}
