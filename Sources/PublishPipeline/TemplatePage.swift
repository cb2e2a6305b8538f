import Foundation
import PublishAST
import PublishLiquid
import PublishReader

/// A file with front matter that is not Markdown, outside the `_` folders:
/// `index.html`, `atom.xml`, `404.html`, `robots.txt`. Jekyll renders its
/// text with Liquid (and through a layout when its front matter names
/// one) into the file of the same name, or at its `permalink:`.
public struct TemplatePage: Sendable {
    /// Relative to the source folder.
    public var sourcePath: String
    /// Its URL path, percent-encoded, without the baseurl: `/`, `/atom.xml`.
    public var url: String
    /// Relative to the output folder.
    public var outputPath: String
    /// Its front matter, `{{ page.X }}`.
    public var data: Hash
    public var text: String
    /// The file line `text` starts at.
    public var firstLine: Int

    /// - Throws: a `Diagnostic` at a fault in its front matter, or at a
    ///   permalink that leads outside the output folder.
    public init(path: String, contents: String) throws {
        let split = try YAMLReader.split(contents, path: path)
        var data = Hash()
        if case .mapping(let mapping)? = split.frontMatter {
            data = Hash(mapping.map { ($0.key, $0.value.liquidValue) })
        }
        let url: String
        if case .string(let permalink)? = data["permalink"], !permalink.isEmpty {
            url = Permalink.escapePath(permalink.hasPrefix("/") ? permalink : "/" + permalink)
        } else {
            // `index.html` serves its folder, as Jekyll's URL for it does.
            let name = (path as NSString).lastPathComponent
            let folder = (path as NSString).deletingLastPathComponent
            url = Permalink.escapePath(name == "index.html" ? "/" + (folder.isEmpty ? "" : folder + "/") : "/" + path)
        }
        let decoded = url.removingPercentEncoding ?? url
        let segments = decoded.split(separator: "/")
        guard !segments.contains(where: { $0 == ".." || $0 == "." }) else {
            throw Diagnostic.error("the permalink '\(url)' leads outside the output folder",
                                   at: SourceLocation(path: path, position: .unknown))
        }
        sourcePath = path
        self.url = url
        outputPath = segments.joined(separator: "/") + (decoded.hasSuffix("/") ? (segments.isEmpty ? "" : "/") + "index.html" : "")
        self.data = data
        text = String(split.body)
        firstLine = split.bodyLine
    }
}
