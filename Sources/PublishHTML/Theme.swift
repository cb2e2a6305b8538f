import Foundation
import PublishAST
import PublishHighlight
import PublishLiquid
import PublishPipeline

/// The layouts pages are rendered through: the built-in theme's, in
/// `theme/_layouts`, where the site's own `_layouts/NAME.html` replaces
/// the layout of that name, as a Jekyll site's files replace its theme's.
/// Every layout is Liquid, parsed once per build and rendered with the
/// site's tags, filters and includes.
struct Theme: Sendable {
    static let stylesheet = String(decoding: PackageResources.theme_css, as: UTF8.self)

    /// The theme's stylesheet with the site's code colours: its palette,
    /// and its dark palette when the reader's system is dark.
    static func stylesheet(for config: SiteConfig) -> String {
        let light = Palette.named(config.palette) ?? Palette.named("github")!
        let dark = Palette.named(config.darkPalette) ?? Palette.named("github-dark")!
        var darkCSS = ""
        for line in dark.css().split(separator: "\n") { darkCSS += "  " + line + "\n" }
        return stylesheet + light.css() + "@media (prefers-color-scheme: dark) {\n" + darkCSS + "}\n"
    }

    /// The built-in layouts, by name.
    static let builtIn: [String: String] = [
        "default": String(decoding: PackageResources.default_html, as: UTF8.self),
        "post": String(decoding: PackageResources.post_html, as: UTF8.self),
        "page": String(decoding: PackageResources.page_html, as: UTF8.self),
        "home": String(decoding: PackageResources.home_html, as: UTF8.self),
        "archive": String(decoding: PackageResources.archive_html, as: UTF8.self),
    ]

    private struct Layout: Sendable {
        var file: LayoutFile
        var template: Template
    }

    private let layouts: [String: Layout]
    /// Layouts of the site that do not parse, each reported once: a page
    /// rendered through one is left out without a second message.
    private let broken: Set<String>
    /// Whether the site has its own `_layouts` folder: then a post's or
    /// page's `layout:` is followed; without one, every post and page gets
    /// the built-in layout of its kind, whatever its front matter says.
    let followsFrontMatter: Bool
    /// Whether a layout of the site, or a file of its includes, can read
    /// other posts and pages through `site` (`site.posts`, `site.tags`…):
    /// then a change to any post makes every page again.
    let readsSiteContent: Bool
    /// A `CacheKey` of every layout's text and of what their Liquid can
    /// look up: a page is rendered again when one of these changes.
    let fingerprint: String
    /// `site`, as the site's posts saw it.
    let site: Value
    private let environment: Environment
    private let defaultLayout: @Sendable (String) -> Value?
    private let settings: LiquidSettings
    private let timeZone: TimeZone
    /// `site.time`: when the build started.
    let now: Time
    /// The faults of the site's layouts, found when they were parsed.
    let diagnostics: [Diagnostic]

    init(site: Site, now: Date = Date()) {
        let liquid = site.liquid
        environment = liquid?.environment ?? Environment.jekyll(includes: NoFileSystem(), siteFiles: NoFileSystem())
        settings = liquid?.settings ?? LiquidSettings()
        defaultLayout = { liquid?.defaultLayout(for: $0) }
        timeZone = site.config.timeZone
        self.now = Time(seconds: Int(now.timeIntervalSince1970)).shown(in: timeZone)
        self.site = liquid?.site ?? .hash(["title": .string(site.config.title),
                                          "description": .string(site.config.description),
                                          "url": .string(site.config.url), "baseurl": .string(site.config.baseurl)])
        var files: [String: LayoutFile] = [:]
        for (name, text) in Theme.builtIn {
            // The built-in layouts are ours: one that does not read is a bug, caught by the tests.
            files[name] = try! LayoutFile(name: name, path: "assets/theme/_layouts/\(name).html", contents: text)
        }
        followsFrontMatter = site.layouts != nil
        var texts = (site.layouts ?? [:]).values.map(\.text)
        if let source = site.source {
            let includes = source.appendingPathComponent(settings.includesFolder)
            if let walker = FileManager.default.enumerator(atPath: includes.path) {
                while let name = walker.nextObject() as? String, texts.count < 10_000 {
                    if let data = FileManager.default.contents(atPath: includes.appendingPathComponent(name).path) {
                        texts.append(String(decoding: data, as: UTF8.self))
                    }
                }
            }
        }
        let labels = Set(site.collections.map(\.label))
        readsSiteContent = texts.contains { Theme.readsSiteContent($0, collections: labels) }
        for (name, file) in site.layouts ?? [:] { files[name] = file }
        var layouts: [String: Layout] = [:]
        var broken: Set<String> = []
        var diagnostics: [Diagnostic] = []
        var key = CacheKey("theme")
        key.add(Theme.stylesheet)
        key.add(liquid?.cacheKey)
        let includes = settings.includesFolder
        for name in files.keys.sorted() {
            let file = files[name]!
            key.add(name)
            key.add(file.text)
            key.add(file.data.map { $0.key + "=" + $0.value.inspect })
            do {
                let template = try Template(file.text, name: file.path, environment: environment,
                                            errorMode: settings.errorMode)
                layouts[name] = Layout(file: file, template: template)
                diagnostics += template.warnings.map {
                    .warning(Theme.message($0), at: Theme.location($0, in: file, includes: includes))
                }
            } catch let error as LiquidError {
                broken.insert(name)
                diagnostics.append(.error(Theme.message(error),
                                          at: Theme.location(error, in: file, includes: includes)))
            } catch {
                broken.insert(name)
                diagnostics.append(.error("\(error)", at: SourceLocation(path: file.path, position: .unknown)))
            }
        }
        // The theme was Mustache until its layouts became Liquid; say so to a
        // site that still keeps its templates that way, rather than drop them quietly.
        if let source = site.source,
           let old = try? FileManager.default.contentsOfDirectory(atPath: source.appendingPathComponent("templates").path) {
            let renamed = ["layout": "default", "list": "home"]
            for name in old.sorted() where name.hasSuffix(".mustache") {
                let stem = (name as NSString).deletingPathExtension
                diagnostics.append(.warning(
                    "Mustache templates are no longer read: the theme's layouts are Liquid, and a site replaces one with _layouts/\(renamed[stem] ?? stem).html",
                    at: SourceLocation(path: "templates/" + name, position: .unknown)))
            }
        }
        self.layouts = layouts
        self.broken = broken
        self.diagnostics = diagnostics
        fingerprint = key.value
    }

    /// The layout a post or page asks for: its front matter's `layout:`
    /// (nil for `layout: null`), or the one `defaults:` gives its path, when
    /// the site has layouts of its own; else `kind`, the built-in one.
    func layout(for metadata: Metadata, kind: String, path: String) -> String? {
        guard followsFrontMatter else { return kind }
        if let value = metadata.extra["layout"] { return LayoutFile.layoutName(value.liquidValue) }
        if let value = defaultLayout(path) { return LayoutFile.layoutName(value) }
        return kind
    }

    /// A page's text rendered through `name` and the layouts around it.
    /// `variables` are `page`, `paginator` and `publish`; `content` and
    /// `layout` are set here, and `site` is the site's.
    ///
    /// - Throws: `Failure` with a located error (nil when it was reported
    ///   already, for a layout that does not parse).
    func render(_ content: String, layout name: String?, variables: [String: Value], path: String) throws(Failure)
        -> Rendered {
        var content = content
        var name = name
        var seen: Set<String> = []
        var layoutData = Hash()
        var warnings: [Diagnostic] = []
        while let current = name {
            guard !broken.contains(current) else { throw Failure(diagnostic: nil) }
            guard let layout = layouts[current] else {
                throw Failure(diagnostic: .error("the layout '\(current)' does not exist (looked for \(settings.layoutsFolder)/\(current).html)",
                                                 at: SourceLocation(path: path, position: .unknown)))
            }
            // A layout that leads back to one already used stops there, as in Jekyll.
            guard seen.insert(current).inserted else { break }
            for (key, value) in layout.file.data where layoutData[key] == nil { layoutData[key] = value }
            var all = variables
            if all["site"] == nil { all["site"] = site }
            all["content"] = .string(content)
            all["layout"] = .hash(layoutData)
            let context = Context(environment: environment, variables: all, errorMode: settings.errorMode,
                                  rendersErrors: false, now: now, timeZone: timeZone)
            context.strictVariables = settings.strictVariables
            context.strictFilters = settings.strictFilters
            // Layouts and Liquid pages are HTML as they stand: a tag writes HTML, not Markdown.
            context.hostValues["markup"] = "html"
            do {
                content = try layout.template.render(context)
            } catch let error as LiquidError {
                throw Failure(diagnostic: .error(Theme.message(error), at: location(error, in: layout.file)), page: path)
            } catch {
                throw Failure(diagnostic: .error("\(error)", at: SourceLocation(path: layout.file.path, position: .unknown)),
                              page: path)
            }
            warnings += context.warnings.map { .warning(Theme.message($0), at: location($0, in: layout.file)) }
            name = layout.file.parent
        }
        return Rendered(text: content, warnings: warnings)
    }

    /// A page's own Liquid, `text`, which starts at file line `firstLine`
    /// of `path`, rendered with `variables` (`site` as in `render`).
    ///
    /// - Throws: `Failure` with an error at its line and column.
    func expand(_ text: String, firstLine: Int, path: String, variables: [String: Value]) throws(Failure) -> Rendered {
        let file = LayoutFile(name: path, path: path, text: text, firstLine: firstLine)
        var all = variables
        if all["site"] == nil { all["site"] = site }
        do {
            let template = try Template(text, name: path, environment: environment, errorMode: settings.errorMode)
            let context = Context(environment: environment, variables: all, errorMode: settings.errorMode,
                                  rendersErrors: false, now: now, timeZone: timeZone)
            context.strictVariables = settings.strictVariables
            context.strictFilters = settings.strictFilters
            // Layouts and Liquid pages are HTML as they stand: a tag writes HTML, not Markdown.
            context.hostValues["markup"] = "html"
            let output = try template.render(context)
            let warnings = (template.warnings + context.warnings).map {
                Diagnostic.warning(Theme.message($0), at: location($0, in: file))
            }
            return Rendered(text: output, warnings: warnings)
        } catch let error as LiquidError {
            throw Failure(diagnostic: .error(Theme.message(error), at: location(error, in: file)))
        } catch {
            throw Failure(diagnostic: .error("\(error)", at: SourceLocation(path: path, position: .unknown)))
        }
    }

    /// A page through its layouts, and what their Liquid warned of.
    struct Rendered {
        var text: String
        var warnings: [Diagnostic]
    }

    /// Whether Liquid `text` may read the site's posts or pages: it names
    /// one of `site`'s collections, or takes `site` whole (`assign s = site`,
    /// `site | …`, `site[…]`). Cautious: a false yes costs a slower rebuild,
    /// a false no a stale page.
    static func readsSiteContent(_ text: String, collections: Set<String> = []) -> Bool {
        var rest = text[...]
        while let found = rest.range(of: "site") {
            let before = found.lowerBound == text.startIndex ? " " : text[text.index(before: found.lowerBound)]
            var after = text[found.upperBound...].drop { $0 == " " || $0 == "\t" }
            rest = text[found.upperBound...]
            guard !(before.isLetter || before.isNumber || before == "_" || before == ".") else { continue }
            guard let next = after.first else { return true }
            if next.isLetter || next.isNumber || next == "_" || next == "-" { continue }
            guard next == "." else { return true }
            after = after.dropFirst()
            let name = after.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
            if ["posts", "pages", "html_pages", "categories", "tags", "static_files", "documents", "collections",
                "related_posts"].contains(String(name)) || collections.contains(String(name)) {
                return true
            }
        }
        return false
    }

    /// Why a page was not made; nil when the cause was reported already.
    struct Failure: Error {
        var diagnostic: Diagnostic?
        /// The page being rendered, when the fault is in a layout or an
        /// include (which many pages share) rather than in the page.
        var page: String?
    }

    private static func message(_ error: LiquidError) -> String {
        var plain = error
        plain.line = nil
        plain.templateName = nil
        return plain.description
    }

    /// Where `error` is: in an include, or at its line of the layout's file.
    private func location(_ error: LiquidError, in file: LayoutFile) -> SourceLocation {
        Theme.location(error, in: file, includes: settings.includesFolder)
    }

    private static func location(_ error: LiquidError, in file: LayoutFile, includes includesFolder: String)
        -> SourceLocation {
        if let partial = error.templateName, partial != file.path {
            return SourceLocation(path: includesFolder + "/" + partial, line: error.line ?? 1, column: error.column ?? 1)
        }
        return SourceLocation(path: file.path, line: file.firstLine + (error.line ?? 1) - 1, column: error.column ?? 1)
    }
}
