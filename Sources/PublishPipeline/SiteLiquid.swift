import Foundation
import PublishAST
import PublishLiquid
import PublishStages
import PublishWriters

/// The Liquid of a site's posts and pages, rendered before their Markdown
/// is read, as Jekyll renders it: every tag and filter of Liquid and
/// Jekyll, `site` and `page` variables, `{% include %}` from `_includes`,
/// and the tags that name other files of the site (`post_url`, `link`).
/// A syntax or render error leaves the file out with a located error; a
/// `post_url` or `link` to a file the site does not have is a warning, as
/// a broken link is in Hugo, and writes the name as given.
public struct SiteLiquid: Sendable {
    public let environment: Environment
    public let settings: LiquidSettings
    /// `site.X`: the configuration, every value as YAML typed it.
    public private(set) var site: Value
    /// A post's URL (with the baseurl) by its file name without extension,
    /// `2014-06-16-hello`, and by its path below `_posts`.
    let posts: [String: String]
    /// Any post's, page's or static file's URL (with the baseurl) by its source path.
    let files: [String: String]
    public let timeZone: TimeZone
    /// `defaults:` of `_config.yml`, under every file's front matter.
    public let defaults: FrontMatterDefaults
    let baseurl: String
    /// A `CacheKey` of everything a file's Liquid can look up: a post that
    /// holds Liquid is taken from the cache only while this is the same.
    public let cacheKey: String

    init(config: SiteConfig, source: URL, posts: [String: String], files: [String: String],
         markdown: MarkdownPipeline, data: Value = .hash(Hash()), theme: URL? = nil) {
        let includes = source.appendingPathComponent(config.liquid.includesFolder).path
        var folders: [any FileSystem] = [FolderFileSystem(root: includes)]
        if let theme { folders.append(FolderFileSystem(root: theme.appendingPathComponent("_includes").path)) }
        var environment = Environment.jekyll(includes: folders.count == 1 ? folders[0] : LayeredFileSystem(folders),
                                             siteFiles: FolderFileSystem(root: source.path), limits: config.liquid.limits)
        environment.tags["post_url"] = SiteLiquid.linkTag(named: "post_url", targets: posts,
            hint: "names no post, so the link leads nowhere; write the file name without its extension, like 2014-06-16-hello")
        environment.tags["link"] = SiteLiquid.linkTag(named: "link", targets: files,
            hint: "names no post or page, so the link leads nowhere; give its path from the site folder")
        environment.tags["highlight"] = HighlightFence.parser(flavor: config.htmlFlavor)
        // jekyll-seo-tag's and jekyll-feed's tags, which themes use whether or not the site lists the plugins.
        for (name, tag) in JekyllPlugins.tags { environment.tags[name] = tag }
        let flavor = config.htmlFlavor
        environment.filters["markdownify"] = Filter { input, _, _ in
            // Jekyll's filter: the text as the site's Markdown, with its stages, as HTML.
            guard let result = try? markdown.read(Array(input.text.utf8), path: nil) else { return input }
            return .string(HTMLWriter(options: HTMLOptions(flavor: flavor)).render(result.document))
        }
        self.environment = environment
        self.settings = config.liquid
        self.posts = posts
        self.files = files
        self.timeZone = config.timeZone
        self.defaults = FrontMatterDefaults(config: config.values)
        self.baseurl = config.baseurl
        var values = Hash(config.values.map { ($0.key, $0.value.liquidValue) })
        // `site` is what the configuration says, as in Jekyll: publish's own
        // fallbacks (a title from the folder's name, `en`) are not in it.
        let known = [("title", config.titleIsFolderName ? "" : config.title), ("description", config.description),
                     ("url", config.url), ("baseurl", config.baseurl)]
        for (key, value) in known where !value.isEmpty && (values[key] == nil || values[key]?.isNil == true) {
            values[key] = .string(value)
        }
        values["data"] = data
        self.site = .hash(values)
        self.cacheKey = SiteLiquid.cacheKey(posts: posts, files: files, site: site, settings: config.liquid,
                                            includes: SiteLiquid.folderKey(includes)
                                                + (theme.map { SiteLiquid.folderKey($0.appendingPathComponent("_includes").path) } ?? ""),
                                            baseurl: config.baseurl)
    }

    /// Renders `body`, which starts at file line `firstLine` of `path`.
    ///
    /// - Throws: a `Diagnostic` at the line of a syntax or render error.
    func expand(_ body: Substring, page: Value, path: String, firstLine: Int) throws -> (String, [Diagnostic]) {
        func location(_ error: LiquidError) -> SourceLocation {
            if let partial = error.templateName {
                return SourceLocation(path: settings.includesFolder + "/" + partial, line: error.line ?? 1,
                                      column: error.column ?? 1)
            }
            return SourceLocation(path: path, line: firstLine + (error.line ?? 1) - 1, column: error.column ?? 1)
        }
        func message(_ error: LiquidError) -> String {
            var plain = error
            plain.line = nil
            plain.templateName = nil
            // An error in a partial is located there; say which file was being rendered.
            return plain.description + (error.templateName == nil ? "" : " (included in \(path))")
        }
        do {
            let template = try Template(String(body), environment: environment, errorMode: settings.errorMode)
            let context = Context(environment: environment, variables: ["site": site, "page": page],
                                  errorMode: settings.errorMode, rendersErrors: false, timeZone: timeZone)
            context.strictVariables = settings.strictVariables
            context.strictFilters = settings.strictFilters
            let output = try template.render(context)
            let warnings = template.warnings.map { Diagnostic.warning(message($0), at: location($0)) }
                + context.warnings.map { Diagnostic.warning($0.message, at: location($0)) }
            return (output, warnings)
        } catch let error as LiquidError {
            throw Diagnostic.error(message(error), at: location(error))
        }
    }

    /// The same Liquid, with `site.posts`, `site.categories` and `site.tags`
    /// (of `posts`, oldest first) for a page's own Liquid, as Jekyll
    /// renders pages once every post is read. Posts' own Liquid does not
    /// get them, so that editing one post never makes another read again.
    func withPosts(_ posts: [Post], pages: [Page], collections: [(label: String, output: Bool, documents: [Page])] = [],
                   config: SiteConfig) -> SiteLiquid {
        var copy = self
        // The same markup as the site's pages, so a page listing post content shows it alike.
        let writer = HTMLWriter(options: HTMLOptions(flavor: config.htmlFlavor))
        var listed = Site(config: config, posts: posts, pages: pages)
        listed.collections = collections
        let shelf = SiteDrops.Shelf(site: listed, writer: writer,
                                    excerpt: { writer.render($0.excerpt) })
        copy.site = SiteDrops(shelf: shelf, config: site, now: nil).site
        return copy
    }

    /// `page.X` for a file with this front matter: Jekyll's keys, typed,
    /// then every other key of the front matter as written.
    public func pageVariables(_ metadata: Metadata, path: String) -> Value {
        var page = defaults.isEmpty ? Hash() : defaults.values(for: path, type: SiteLiquid.type(of: path))
        for entry in metadata.extra { page[entry.key] = entry.value.liquidValue }
        page["path"] = .string(path)
        if let url = files[path] { page["url"] = .string(String(url.dropFirst(baseurl.count))) }
        if let title = metadata.title { page["title"] = .string(title) }
        if let date = metadata.date { page["date"] = .time(SiteLiquid.time(date, in: timeZone)) }
        if let slug = metadata.slug { page["slug"] = .string(slug) }
        if let description = metadata.description { page["description"] = .string(description) }
        if let language = metadata.language { page["lang"] = .string(language) }
        page["categories"] = .array(metadata.categories.map(Value.string))
        page["tags"] = .array(metadata.tags.map(Value.string))
        // One author as its name, several as a list of names, as the front matter gave them.
        if metadata.authors.count == 1 {
            page["author"] = .string(metadata.authors[0].name)
        } else if !metadata.authors.isEmpty {
            page["author"] = .array(metadata.authors.map { .string($0.name) })
        }
        return .hash(page)
    }

    /// The `defaults:` type of the file at `path`: `posts`, `drafts` or `pages`.
    public static func type(of path: String) -> String {
        let folders = path.split(separator: "/").dropLast()
        if folders.contains("_posts") { return "posts" }
        if folders.contains("_drafts") { return "drafts" }
        // A collection's document: its label, from the `_LABEL` folder it is in.
        if let first = folders.first, first.hasPrefix("_"), first.count > 1 { return String(first.dropFirst()) }
        return "pages"
    }

    /// The layout `defaults:` gives the file at `path`, if any.
    public func defaultLayout(for path: String) -> Value? {
        defaults.isEmpty ? nil : defaults.values(for: path, type: SiteLiquid.type(of: path))["layout"]
    }

    /// A front matter date as Liquid's time, in its own offset or the site's zone.
    public static func time(_ date: PostDate, in zone: TimeZone) -> Time {
        let moment = date.date(in: zone)
        let offset = date.utcOffset ?? zone.secondsFromGMT(for: moment)
        let whole = moment.timeIntervalSince1970.rounded(.down)
        return Time(seconds: Int(whole), nanoseconds: date.nanosecond, utcOffset: offset,
                    zoneName: date.utcOffset == nil ? zone.abbreviation(for: moment) : nil)
    }

    /// An instant as Liquid's time, shown at the offset `zone` has then.
    public static func time(_ date: Date, in zone: TimeZone) -> Time {
        Time(seconds: Int(date.timeIntervalSince1970.rounded(.down)), utcOffset: zone.secondsFromGMT(for: date))
    }

    /// Whether a file holds anything Liquid could expand (`{{` or `{%`).
    public static func appears(in bytes: some Sequence<UInt8>) -> Bool {
        var previous: UInt8 = 0
        for byte in bytes {
            if previous == UInt8(ascii: "{"), byte == UInt8(ascii: "%") || byte == UInt8(ascii: "{") { return true }
            previous = byte
        }
        return false
    }

    private static func cacheKey(posts: [String: String], files: [String: String], site: Value,
                                 settings: LiquidSettings, includes: String, baseurl: String) -> String {
        var key = CacheKey("liquid")
        for map in [posts, files] {
            key.add(map.count)
            for name in map.keys.sorted() {
                key.add(name)
                key.add(map[name]!)
            }
        }
        key.add(site.inspect)
        key.add(settings.errorMode.rawValue)
        key.add(settings.strictVariables ? "strict-variables" : "")
        key.add(settings.strictFilters ? "strict-filters" : "")
        key.add(includes)
        key.add(baseurl)
        return key.value
    }

    /// The names, sizes and times of the files below `folder`.
    private static func folderKey(_ folder: String) -> String {
        var key = CacheKey("includes")
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return key.value }
        var names: [String] = []
        while let name = walker.nextObject() as? String { names.append(name) }
        for name in names.sorted() {
            let attributes = try? FileManager.default.attributesOfItem(atPath: folder + "/" + name)
            key.add(name)
            key.add((attributes?[.size] as? Int) ?? 0)
            key.add(Int((attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0))
        }
        return key.value
    }

    /// `{% post_url name %}` and `{% link path %}`: the URL of a file of the site.
    private static func linkTag(named tag: String, targets: [String: String], hint: String) -> TagParser {
        TagParser { _, markup, parser in
            FileLink(tag: tag, target: String(markup.trimmingCharacters(in: .whitespacesAndNewlines)), url: nil,
                     hint: hint, line: parser.line, column: parser.column).resolved(in: targets)
        }
    }
}

/// The URL a `post_url` or `link` tag names, found when the template is parsed.
private final class FileLink: Node {
    let tag: String
    let target: String
    let url: String?
    let hint: String
    let line: Int?
    let column: Int?
    var isBlank: Bool { false }

    init(tag: String, target: String, url: String?, hint: String, line: Int?, column: Int?) {
        self.tag = tag
        self.target = target
        self.url = url
        self.hint = hint
        self.line = line
        self.column = column
    }

    func resolved(in targets: [String: String]) -> FileLink {
        FileLink(tag: tag, target: target, url: targets[target], hint: hint, line: line, column: column)
    }

    func render(_ context: Context, into output: inout String) throws {
        if let url {
            output += url
            return
        }
        var warning = LiquidError(.argument, "`{% \(tag) \(target) %}` \(hint)", line: line)
        warning.column = column
        context.warn(warning)
        output += target
    }
}

/// `{% highlight ruby %}…{% endhighlight %}` as a fenced code block, which
/// the Markdown reader and the highlighting after it take from there; in a
/// layout or a Liquid page, which are HTML as they stand, as the HTML that
/// block becomes (Rouge's `<figure class="highlight">` on a Jekyll site).
private final class HighlightFence: Node {
    let language: String
    let lineNumbers: Bool
    let body: Body
    let line: Int?
    let flavor: HTMLOptions.Flavor
    var isBlank: Bool { false }

    init(language: String, lineNumbers: Bool, body: Body, line: Int?, flavor: HTMLOptions.Flavor) {
        self.language = language
        self.lineNumbers = lineNumbers
        self.body = body
        self.line = line
        self.flavor = flavor
    }

    static func parser(flavor: HTMLOptions.Flavor) -> TagParser {
        TagParser { _, markup, parser in
            let line = parser.line
            let words = markup.split(whereSeparator: \.isWhitespace)
            let language = words.first.map(String.init) ?? ""
            let (body, stop) = try parser.parseBlock()
            guard let stop else { throw LiquidError.syntax("'highlight' tag was never closed") }
            guard stop.name == "endhighlight" else { throw parser.unknownTag(stop, in: "highlight", delimiter: "endhighlight") }
            return HighlightFence(language: language, lineNumbers: words.dropFirst().contains("linenos"), body: body,
                                  line: line, flavor: flavor)
        }
    }

    func render(_ context: Context, into output: inout String) throws {
        // The words after the language tell an HTML writer that marks code up
        // as Rouge does to write the tag's <figure>; other outputs read a fence.
        let info = language + " jekyll-highlight" + (lineNumbers ? " linenos" : "")
        guard context.hostValues["markup"] == "html" else {
            output += "```" + info
            try body.render(context, into: &output)
            output += "```"
            return
        }
        var code = ""
        try body.render(context, into: &code)
        // Jekyll's tag drops the line breaks before and after the code.
        while code.first == "\n" || code.first == "\r" || code.first == "\r\n" { code.removeFirst() }
        while code.last == "\n" || code.last == "\r" || code.last == "\r\n" { code.removeLast() }
        // The block a fence would become, through the stage that highlights fences.
        var document = Document()
        document.append(.block(.codeBlock(info: info, code: code)), to: document.root)
        var stage = StageContext()
        Highlight().run(&document, context: &stage)
        output += HTMLWriter(options: HTMLOptions(flavor: flavor)).render(document).dropLast()
    }
}
