import PublishAST

/// What Jekyll reads from a post's file name, `2014-06-16-some-slug.md`:
/// the date and the slug.
public struct PostFileName: Hashable, Sendable {
    public var date: PostDate
    public var slug: String
    /// The extension without its dot: `md`, `markdown`.
    public var fileExtension: String

    /// Reads the last component of `path`; nil when it does not start with
    /// a real date and a dash, or has no slug or no extension.
    public init?(path: String) {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        let stem = name[..<dot]
        let parts = stem.split(separator: "-", maxSplits: 3, omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0].count == 4, (1...2).contains(parts[1].count), (1...2).contains(parts[2].count),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              parts[0...2].allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              !parts[3].isEmpty else { return nil }
        let date = PostDate(year: year, month: month, day: day)
        guard date.isValid else { return nil }
        self.date = date
        self.slug = String(parts[3])
        self.fileExtension = String(name[name.index(after: dot)...])
    }

    /// The extensions Jekyll reads as Markdown (its `markdown_ext` default).
    public static let markdownExtensions: Set<String> = ["md", "markdown", "mkdown", "mkdn", "mkd"]

    public var isMarkdown: Bool { Self.markdownExtensions.contains(fileExtension.lowercased()) }
}
