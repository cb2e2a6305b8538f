import Foundation
import PublishAST
import PublishHighlight
import PublishWriters

/// What a site says about itself: the `site` section of a pipeline file,
/// filled from Jekyll's `_config.yml` where the pipeline does not say.
public struct SiteConfig: Sendable {
    public var title: String = ""
    /// Whether `title` is the folder's name, given because the site names
    /// itself nowhere: then Liquid's `site.title` stays unset, as in Jekyll.
    public var titleIsFolderName = false
    /// Whether the site's Markdown is Jekyll's kramdown: then the HTML
    /// output marks code up as kramdown with Rouge does.
    public var isKramdown = false

    /// Whose markup the site's HTML follows: kramdown's for a kramdown site.
    public var htmlFlavor: HTMLOptions.Flavor { isKramdown ? .kramdown : .commonMark }

    /// The Jekyll plugins `_config.yml` lists under `plugins:` (or the
    /// older `gems:`).
    public var plugins: [String] {
        var names: [String] = []
        for key in ["plugins", "gems"] {
            if case .sequence(let items)? = values[key] { names += items.compactMap(\.scalarText) }
        }
        return names
    }

    /// A collection `_config.yml` declares under `collections:`, besides `posts`.
    public struct Collection: Sendable {
        public var label: String
        /// Whether its documents get pages of their own.
        public var output: Bool
        /// Its `permalink:` pattern; Jekyll's default is `/:collection/:path:output_ext`.
        public var permalink: String
    }

    /// `collections:`, as a list of labels or a mapping of labels to settings.
    public var collections: [Collection] {
        var found: [Collection] = []
        func add(_ label: String, _ settings: YAMLMapping?) {
            guard label != "posts", !label.isEmpty, !label.contains("/"), !label.hasPrefix(".") else { return }
            var output = false
            if case .bool(let flag)? = settings?["output"] { output = flag }
            let permalink = settings?["permalink"]?.scalarText ?? "/:collection/:path:output_ext"
            found.append(Collection(label: label, output: output, permalink: permalink))
        }
        switch values["collections"] {
        case .sequence(let items)?: for item in items { if let label = item.scalarText { add(label, nil) } }
        case .mapping(let mapping)?:
            for entry in mapping {
                if case .mapping(let settings) = entry.value { add(entry.key, settings) } else { add(entry.key, nil) }
            }
        default: break
        }
        return found
    }

    /// The plugins publish does the work of; any other is warned about.
    public static let knownPlugins: Set<String> = [
        "jekyll-feed", "jekyll-seo-tag", "jekyll-sitemap", "jekyll-paginate", "jemoji", "jekyll-github-metadata",
        "jekyll-redirect-from",
    ]
    public var description: String = ""
    /// The scheme and host, with no trailing slash: `https://example.org`.
    public var url: String = ""
    /// The path the site lives under, `/blog`, or empty.
    public var baseurl: String = ""
    public var author: Author?
    public var language: String = "en"
    /// Whether `_config.yml` or `publish.yml` names the language; when not,
    /// the loader judges it from the posts' titles and descriptions.
    public var languageIsDeclared = false
    /// The zone post dates without an offset are read in, and URLs use.
    public var timeZone: TimeZone = TimeZone(identifier: "UTC")!
    public var permalink: Permalink = .default
    /// Where an excerpt ends; without it, after the first paragraph.
    public var excerptSeparator: String = "\n\n"
    /// Source paths that are neither pages nor static files.
    public var exclude: [String] = []
    /// Source paths copied although they start with `_` or `.`.
    public var include: [String] = []
    /// The folders that hold posts and drafts, wherever they are found.
    public var postsFolder = "_posts"
    public var draftsFolder = "_drafts"
    /// Raw HTML in posts, for the HTML site: `known`, `keep`,
    /// `escape` or `drop` (an output's own `raw_html` wins).
    public var rawHTML = "known"
    /// Every key of the configuration as YAML typed it, for `{{ site.X }}`.
    public var values = YAMLMapping()
    /// How Liquid in posts, pages and layouts is parsed and where it stops.
    public var liquid = LiquidSettings()
    /// Highlighted code's colours (`highlight: {palette, dark_palette}`):
    /// the site's, the book's and the newsletter's; the built-in theme
    /// uses `darkPalette` when the reader's system is dark.
    public var palette = "github"
    public var darkPalette = "github-dark"

    public init() {}

    /// A site path (`/2014/06/16/hello.html`) as the browser asks for it:
    /// under the baseurl.
    public func relativeURL(_ path: String) -> String { baseurl + path }

    /// A site path as a full URL, for feeds, email and canonical links.
    public func absoluteURL(_ path: String) -> String { url + baseurl + path }

    /// Reads the keys Jekyll's `_config.yml` shares with us; the rest of
    /// that file is Jekyll's own business and is not checked.
    ///
    /// - Throws: a `Diagnostic` at `path` for a bad permalink or time zone.
    /// - Parameter locations: where each key was written, for errors.
    public init(jekyllConfig value: YAMLValue, path: String, locations: [String: SourceLocation] = [:]) throws {
        self.init()
        guard case .mapping(let config) = value else { return }
        values = config
        let file = SourceLocation(path: path, position: .unknown)
        let at = { (key: String) in locations[key] ?? file }
        liquid = try LiquidSettings(config: config, at: at)
        if let title = config["title"]?.scalarText { self.title = title }
        if let description = config["description"]?.scalarText { self.description = description }
        if let url = config["url"]?.scalarText {
            self.url = url.hasSuffix("/") ? String(url.dropLast()) : url
        }
        if let baseurl = config["baseurl"]?.scalarText, baseurl != "/" {
            self.baseurl = baseurl.hasSuffix("/") ? String(baseurl.dropLast()) : baseurl
        }
        switch config["author"] {
        case .string(let name)?:
            author = Author(name: name)
        case .mapping(let fields)?:
            if let name = fields["name"]?.scalarText {
                author = Author(name: name, email: fields["email"]?.scalarText, url: fields["url"]?.scalarText)
            }
        default:
            break
        }
        // `locale` as Jekyll themes write it: `zh_CN`.
        let languageKey = ["lang", "language", "locale"].first { config[$0]?.scalarText?.isEmpty == false }
        if let languageKey, let language = config[languageKey]?.scalarText {
            guard let tag = LanguageTag.normalized(language) else {
                throw Diagnostic.error("`\(languageKey)` is '\(language)', which is not a language tag (write en, zh, zh-CN, ja)",
                                       at: at(languageKey))
            }
            self.language = tag
            languageIsDeclared = true
        }
        if let zone = config["timezone"]?.scalarText, !zone.isEmpty {
            guard let timeZone = TimeZone(identifier: zone) else {
                throw Diagnostic.error("`timezone` is '\(zone)', which is not an IANA time zone (try Asia/Shanghai)",
                                       at: at("timezone"))
            }
            self.timeZone = timeZone
        }
        if let permalink = config["permalink"]?.scalarText {
            do {
                self.permalink = try Permalink(permalink)
            } catch var diagnostic as Diagnostic {
                diagnostic.location = at("permalink")
                throw diagnostic
            }
        }
        if let separator = config["excerpt_separator"]?.scalarText { excerptSeparator = separator }
        func paths(_ key: String) -> [String] {
            guard case .sequence(let items)? = config[key] else { return [] }
            return items.compactMap { $0.scalarText.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 } }
        }
        exclude = paths("exclude")
        include = paths("include")
        if case .mapping(let highlight)? = config["highlight"] {
            for (key, fallback) in [("palette", palette), ("dark_palette", darkPalette)] {
                let name = highlight[key]?.scalarText ?? fallback
                guard Palette.named(name) != nil else {
                    throw Diagnostic.error("`highlight: \(key):` is '\(name)', which is not a palette; there are "
                                           + Palette.names.joined(separator: ", "), at: at("highlight"))
                }
                if key == "palette" { palette = name } else { darkPalette = name }
            }
        }

    }
}
