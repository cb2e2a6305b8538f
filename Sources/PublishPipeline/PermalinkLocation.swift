import Foundation
import PublishAST
import PublishReader

extension Site {
    /// Where the file at `path` (from the site folder) writes its
    /// `permalink:`, for an error about the address it leads to: found
    /// again in the file when the error is made, since errors are rare and
    /// a post does not carry its front matter's positions. The file alone
    /// when it has no such key.
    public static func permalinkLocation(of path: String, in source: URL?) -> SourceLocation {
        guard let source, let data = FileManager.default.contents(atPath: source.appendingPathComponent(path).path),
              let position = MarkdownReader.position(ofFrontMatterKey: "permalink", in: String(decoding: data, as: UTF8.self))
        else { return SourceLocation(path: path, position: .unknown) }
        return SourceLocation(path: path, position: position)
    }
}
