import Foundation
import PublishAST
import PublishLiquid
import PublishReader

/// A Jekyll layout, `_layouts/post.html`: a Liquid template with front
/// matter, named by its path below the folder without the extension
/// (`post`, `blog/post`). Its front matter's `layout:` names the layout it
/// is rendered into in turn.
public struct LayoutFile: Sendable {
    public var name: String
    /// Where it was read, from the site folder, for messages.
    public var path: String
    /// Its front matter, `{{ layout.X }}`.
    public var data: Hash
    /// The layout around this one; nil for none.
    public var parent: String?
    public var text: String
    /// The file line `text` starts at.
    public var firstLine: Int

    public init(name: String, path: String, data: Hash = Hash(), parent: String? = nil, text: String, firstLine: Int = 1) {
        self.name = name
        self.path = path
        self.data = data
        self.parent = parent
        self.text = text
        self.firstLine = firstLine
    }

    /// A layout from its file's text.
    ///
    /// - Throws: a `Diagnostic` at a fault in its front matter.
    public init(name: String, path: String, contents: String) throws {
        let split = try YAMLReader.split(contents, path: path)
        var data = Hash()
        if case .mapping(let mapping)? = split.frontMatter {
            data = Hash(mapping.map { ($0.key, $0.value.liquidValue) })
        }
        self.init(name: name, path: path, data: data, parent: LayoutFile.layoutName(data["layout"]),
                  text: String(split.body), firstLine: split.bodyLine)
    }

    /// The layout a `layout:` value names: nil for none (no key, `null`,
    /// `none`, `false` or empty), else its name without an extension, as
    /// Jekyll takes `layout: post.html` for `post`.
    public static func layoutName(_ value: Value?) -> String? {
        guard let value, value.isTruthy else { return nil }
        let text = value.text.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty, text != "none", text != "null" else { return nil }
        return text.hasSuffix(".html") ? String(text.dropLast(5)) : text
    }

    /// Every layout below `folder` (site-relative) of `source`, by name. A
    /// file that does not read, or a link that leads out of the site, is
    /// left out with a located diagnostic. Nil when there is no such folder.
    static func readFolder(_ folder: String, in source: URL) -> (layouts: [String: LayoutFile], diagnostics: [Diagnostic])? {
        let root = source.appendingPathComponent(folder)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isFolder), isFolder.boolValue else {
            return nil
        }
        let site = source.resolvingSymlinksInPath().path
        var layouts: [String: LayoutFile] = [:]
        var diagnostics: [Diagnostic] = []
        guard let walker = FileManager.default.enumerator(atPath: root.path) else { return ([:], []) }
        var names: [String] = []
        while let name = walker.nextObject() as? String { names.append(name) }
        for relative in names.sorted() {
            let file = root.appendingPathComponent(relative)
            let path = folder + "/" + relative
            guard !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) else { continue }
            guard let resolved = SiteBoundary.resolve(file, inside: site) else {
                diagnostics.append(.warning("the layout is a link to a file outside the site, so it is not read",
                                            at: SourceLocation(path: path, position: .unknown)))
                continue
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: resolved, isDirectory: &isDirectory), !isDirectory.boolValue,
                  let data = FileManager.default.contents(atPath: resolved) else { continue }
            let name = (relative as NSString).deletingPathExtension
            do {
                let layout = try LayoutFile(name: name, path: path, contents: String(decoding: data, as: UTF8.self))
                // Two files for one name (`post.html`, `post.md`): the first in name order, as Jekyll keeps one.
                if layouts[name] == nil { layouts[name] = layout }
            } catch let diagnostic as Diagnostic {
                diagnostics.append(diagnostic)
            } catch {
                diagnostics.append(.error("\(error)", at: SourceLocation(path: path, position: .unknown)))
            }
        }
        return (layouts, diagnostics)
    }
}
