import Foundation

/// The tags of the Jekyll plugins GitHub Pages sites rely on, written for
/// this engine: jekyll-seo-tag's `{% seo %}` and jekyll-feed's
/// `{% feed_meta %}`. They read only `page`, `site` and `paginator`, and
/// write the elements those plugins write.
public enum JekyllPlugins {
    public static let tags: [String: TagParser] = ["seo": SEOTag.parser, "feed_meta": FeedMetaTag.parser]

    /// `site.X` or `page.X`, whether the object is a hash or a drop.
    static func field(_ object: Value?, _ key: String) -> Value? {
        switch object {
        case .hash(let hash)?: return hash[key]
        case .drop(let drop)?: return drop.value(for: key)
        default: return nil
        }
    }

    /// A text value, nil when missing, nil or empty.
    static func text(_ value: Value?) -> String? {
        guard let value, !value.isNil else { return nil }
        let text = value.text
        return text.isEmpty ? nil : text
    }

    /// `path` under the site's `url` and `baseurl`, as `absolute_url` makes it.
    static func absoluteURL(_ path: String, context: Context) throws -> String {
        guard let filter = context.environment.filters["absolute_url"] else { return path }
        return try filter.apply(.string(path), [], context: context).text
    }
}

/// `{% seo %}` (`{% seo title=false %}` leaves the `<title>` out): the
/// page's title, description, canonical URL, Open Graph and Twitter card
/// elements and JSON-LD, from `page` and `site`.
final class SEOTag: Node {
    let line: Int?
    let writesTitle: Bool
    let template: Template
    var isBlank: Bool { false }

    init(line: Int?, writesTitle: Bool, template: Template) {
        self.line = line
        self.writesTitle = writesTitle
        self.template = template
    }

    static let parser = TagParser { _, markup, parser in
        let writesTitle = markup.range(of: "title=false", options: .caseInsensitive) == nil
        let template = try Template(SEOTag.source, name: "seo", environment: parser.environment)
        return SEOTag(line: parser.line, writesTitle: writesTitle, template: template)
    }

    /// What the tag writes, given `seo` (worked out below) and the page's own variables.
    static let source = """
        <!-- Begin Jekyll SEO tag -->
        {% if seo.title %}<title>{{ seo.title }}</title>
        {% endif %}<meta name="generator" content="publish" />
        {% if seo.page_title %}<meta property="og:title" content="{{ seo.page_title }}" />
        {% endif %}{% if seo.author %}<meta name="author" content="{{ seo.author | escape_once }}" />
        {% endif %}<meta property="og:locale" content="{{ seo.locale }}" />
        {% if seo.description %}<meta name="description" content="{{ seo.description }}" />
        <meta property="og:description" content="{{ seo.description }}" />
        {% endif %}{% if site.url %}<link rel="canonical" href="{{ seo.canonical_url }}" />
        <meta property="og:url" content="{{ seo.canonical_url }}" />
        {% endif %}{% if seo.site_title %}<meta property="og:site_name" content="{{ seo.site_title }}" />
        {% endif %}{% if seo.image %}<meta property="og:image" content="{{ seo.image }}" />
        {% endif %}{% if page.date %}<meta property="og:type" content="article" />
        <meta property="article:published_time" content="{{ page.date | date_to_xmlschema }}" />
        {% else %}<meta property="og:type" content="website" />
        {% endif %}{% if paginator.previous_page %}<link rel="prev" href="{{ paginator.previous_page_path | absolute_url }}" />
        {% endif %}{% if paginator.next_page %}<link rel="next" href="{{ paginator.next_page_path | absolute_url }}" />
        {% endif %}{% if seo.image %}<meta name="twitter:card" content="summary_large_image" />
        <meta property="twitter:image" content="{{ seo.image }}" />
        {% else %}<meta name="twitter:card" content="summary" />
        {% endif %}{% if seo.page_title %}<meta property="twitter:title" content="{{ seo.page_title }}" />
        {% endif %}{% if site.twitter.username %}<meta name="twitter:site" content="@{{ site.twitter.username | remove: '@' }}" />
        {% endif %}<script type="application/ld+json">
        {{ seo.json_ld | jsonify }}</script>
        <!-- End Jekyll SEO tag -->

        """

    func render(_ context: Context, into output: inout String) throws {
        let page = context["page"], site = context["site"]
        // A value as the plugin formats it: no markup, one space between words, entities kept.
        func formatted(_ value: Value?) throws -> String? {
            guard let text = JekyllPlugins.text(value) else { return nil }
            var result = Value.string(text)
            for name in ["strip_html", "normalize_whitespace", "escape_once"] {
                if let filter = context.environment.filters[name] { result = try filter.apply(result, [], context: context) }
            }
            let done = result.text
            return done.isEmpty ? nil : done
        }
        let siteTitle = try formatted(JekyllPlugins.field(site, "title") ?? JekyllPlugins.field(site, "name"))
        let siteDescription = try formatted(JekyllPlugins.field(site, "description"))
        let tagline = try formatted(JekyllPlugins.field(site, "tagline")) ?? siteDescription
        let pageTitle = try formatted(JekyllPlugins.field(page, "title")) ?? siteTitle
        var title: String?
        if let siteTitle, let pageTitle, pageTitle != siteTitle {
            title = pageTitle + " | " + siteTitle
        } else if let siteTitle, let tagline, siteDescription != nil {
            title = siteTitle + " | " + tagline
        } else {
            title = pageTitle ?? siteTitle
        }
        if let number = JekyllPlugins.field(context["paginator"], "page"), case .int(let page) = number, page > 1,
           let shown = title {
            title = "Page \(page) of \(JekyllPlugins.text(JekyllPlugins.field(context["paginator"], "total_pages")) ?? "?") for " + shown
        }
        let description = try formatted(JekyllPlugins.field(page, "description") ?? JekyllPlugins.field(page, "excerpt"))
            ?? siteDescription
        var url = try JekyllPlugins.absoluteURL(JekyllPlugins.text(JekyllPlugins.field(page, "url")) ?? "/", context: context)
        if url.hasSuffix("/index.html") { url.removeLast("index.html".count) }
        if let canonical = JekyllPlugins.text(JekyllPlugins.field(page, "canonical_url")) { url = canonical }
        let author: String? = {
            let value = JekyllPlugins.field(page, "author") ?? JekyllPlugins.field(site, "author")
            if case .array(let names)? = value { return names.first.flatMap(JekyllPlugins.text) }
            return JekyllPlugins.text(JekyllPlugins.field(value, "name")) ?? (value.flatMap {
                if case .string(let name) = $0 { return name } else { return nil }
            })
        }()
        let lang = JekyllPlugins.text(JekyllPlugins.field(page, "lang")) ?? JekyllPlugins.text(JekyllPlugins.field(site, "lang"))
            ?? "en_US"
        let locale = (JekyllPlugins.text(JekyllPlugins.field(page, "locale"))
            ?? JekyllPlugins.text(JekyllPlugins.field(site, "locale")) ?? lang).replacingOccurrences(of: "-", with: "_")
        var image: String?
        if let path = JekyllPlugins.text(JekyllPlugins.field(page, "image"))
            ?? JekyllPlugins.text(JekyllPlugins.field(JekyllPlugins.field(page, "image"), "path")) {
            image = path.contains("://") ? path : try JekyllPlugins.absoluteURL(path, context: context)
        }
        let pageURL = JekyllPlugins.text(JekyllPlugins.field(page, "url")) ?? "/"
        let isHome = pageURL.range(of: #"^/(about/)?(index\.html?)?$"#, options: .regularExpression) != nil
        let date = JekyllPlugins.field(page, "date").flatMap { $0.isNil ? nil : $0 }
        var json = Hash()
        json["@context"] = "https://schema.org"
        json["@type"] = .string(isHome ? "WebSite" : date != nil ? "BlogPosting" : "WebPage")
        if let author { json["author"] = .hash(["@type": "Person", "name": .string(author)]) }
        if let date, let filter = context.environment.filters["date_to_xmlschema"] {
            let stamp = try filter.apply(date, [], context: context)
            json["dateModified"] = stamp
            json["datePublished"] = stamp
        }
        if let description { json["description"] = .string(description) }
        if let pageTitle { json["headline"] = .string(pageTitle) }
        if let image { json["image"] = .string(image) }
        if date != nil { json["mainEntityOfPage"] = .hash(["@type": "WebPage", "@id": .string(url)]) }
        if isHome, let siteTitle { json["name"] = .string(siteTitle) }
        json["url"] = .string(url)
        var seo = Hash()
        seo["title"] = writesTitle ? title.map(Value.string) ?? .nil : .nil
        seo["page_title"] = pageTitle.map(Value.string) ?? .nil
        seo["site_title"] = siteTitle.map(Value.string) ?? .nil
        seo["description"] = description.map(Value.string) ?? .nil
        seo["author"] = author.map(Value.string) ?? .nil
        seo["locale"] = .string(locale)
        seo["canonical_url"] = .string(url)
        seo["image"] = image.map(Value.string) ?? .nil
        seo["json_ld"] = .hash(json)
        try context.push(["seo": .hash(seo)])
        defer { context.pop() }
        try template.root.render(context, into: &output)
    }
}

/// `{% feed_meta %}`: the `<link>` to the site's Atom feed, `feed.path`
/// from `_config.yml` or `feed.xml`.
final class FeedMetaTag: Node {
    let line: Int?
    var isBlank: Bool { false }

    init(line: Int?) {
        self.line = line
    }

    static let parser = TagParser { _, _, parser in FeedMetaTag(line: parser.line) }

    func render(_ context: Context, into output: inout String) throws {
        let site = context["site"]
        let path = JekyllPlugins.text(JekyllPlugins.field(JekyllPlugins.field(site, "feed"), "path")) ?? "feed.xml"
        let href = try JekyllPlugins.absoluteURL(path, context: context)
        output += "<link type=\"application/atom+xml\" rel=\"alternate\" href=\"\(StandardFilters.escapeHTML(href, apostrophe: "&apos;"))\""
        if let title = JekyllPlugins.text(JekyllPlugins.field(site, "title") ?? JekyllPlugins.field(site, "name")) {
            output += " title=\"\(StandardFilters.escapeHTML(title, apostrophe: "&apos;"))\""
        }
        output += " />"
    }
}
