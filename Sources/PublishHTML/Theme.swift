import Foundation
import Mustache
import PublishAST
import PublishPipeline

/// The templates pages are rendered with: the built-in theme from
/// `theme/`, where a site's own `templates/NAME.mustache` replaces the
/// template of that name. A built-in template a site keeps is rendered by
/// `BuiltInTheme`, the same bytes without a template interpreter.
struct Theme: Sendable {
    static let names = ["layout", "post", "page", "list", "archive"]
    static let stylesheet = String(decoding: PackageResources.theme_css, as: UTF8.self)

    private let library: MustacheLibrary
    /// The names of the templates the site replaces.
    private(set) var replaced: Set<String>
    /// A `CacheKey` of every template's text: a page is rendered again when
    /// a template it may use changes.
    let fingerprint: String

    /// - Throws: a `Diagnostic` at a site template that does not parse.
    init(overrides folder: URL?) throws {
        var library = MustacheLibrary()
        var replaced: Set<String> = []
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
                    replaced.insert(name)
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
        self.replaced = replaced
        fingerprint = key.value
    }

    /// Every page: `view` (whose `body` is ignored) around `body`.
    func layout(_ view: LayoutView, body: [UInt8]) -> [UInt8] {
        guard replaced.contains("layout") else {
            var out: [UInt8] = []
            out.reserveCapacity(body.count + 2048)
            BuiltInTheme.layout(view, body: body, into: &out)
            return out
        }
        var view = view
        view.body = String(decoding: body, as: UTF8.self)
        return mustache(view, "layout")
    }

    func post(_ view: PostView) -> [UInt8] {
        render(view, "post", size: view.content.utf8.count + 1024, BuiltInTheme.post)
    }

    func page(_ view: PageView) -> [UInt8] {
        render(view, "page", size: view.content.utf8.count + 64, BuiltInTheme.page)
    }

    func list(_ view: ListView) -> [UInt8] {
        render(view, "list", size: 4096, BuiltInTheme.list)
    }

    func archive(_ view: ArchiveView) -> [UInt8] {
        render(view, "archive", size: 4096, BuiltInTheme.archive)
    }

    private func render<View>(_ view: View, _ name: String, size: Int,
                              _ builtIn: (View, inout [UInt8]) -> Void) -> [UInt8] {
        guard replaced.contains(name) else {
            var out: [UInt8] = []
            out.reserveCapacity(size)
            builtIn(view, &out)
            return out
        }
        return mustache(view, name)
    }

    /// The template `name` through Mustache (a site's own, or the built-in
    /// text: ThemeTests compares the two renderings).
    func mustache(_ model: Any, _ name: String) -> [UInt8] {
        Array((library.render(model, withTemplate: name) ?? "").utf8)
    }
}
