import Foundation
import Mustache
import PublishAST
import PublishPipeline

/// The templates pages are rendered with: the built-in theme from
/// `assets/theme`, where a site's own `templates/NAME.mustache` replaces
/// the template of that name.
struct Theme: Sendable {
    static let names = ["layout", "post", "page", "list", "archive"]
    static let stylesheet = String(decoding: PackageResources.theme_css, as: UTF8.self)

    private let library: MustacheLibrary
    /// A `CacheKey` of every template's text: a page is rendered again when
    /// a template it may use changes.
    let fingerprint: String

    /// - Throws: a `Diagnostic` at a site template that does not parse.
    init(overrides folder: URL?) throws {
        var library = MustacheLibrary()
        var key = CacheKey("theme")
        key.add(Theme.stylesheet)
        let builtIn: [String: [UInt8]] = [
            "layout": PackageResources.layout_mustache, "post": PackageResources.post_mustache,
            "page": PackageResources.page_mustache, "list": PackageResources.list_mustache,
            "archive": PackageResources.archive_mustache,
        ]
        for name in Theme.names {
            var text = String(decoding: builtIn[name]!, as: UTF8.self)
            var path = "assets/theme/\(name).mustache"
            if let folder {
                let file = folder.appendingPathComponent("\(name).mustache")
                if let data = FileManager.default.contents(atPath: file.path) {
                    text = String(decoding: data, as: UTF8.self)
                    path = "templates/\(name).mustache"
                }
            }
            key.add(name)
            key.add(text)
            do {
                try library.register(text, named: name)
            } catch {
                throw Diagnostic.error("the template does not parse: \(error)",
                                       at: SourceLocation(path: path, position: .unknown))
            }
        }
        self.library = library
        fingerprint = key.value
    }

    func render(_ model: Any, with name: String) -> String {
        library.render(model, withTemplate: name) ?? ""
    }
}
