/// Jekyll's URL filters: `relative_url` and `absolute_url` put a path
/// under the site's `baseurl` and `url` (read from the render's `site`
/// variable), and `uri_escape` and `cgi_escape` encode text for URLs.
extension JekyllFilters {
    static let urls: [String: Filter] = [
        "relative_url": Filter { input, _, context in
            guard let url = url(of: input) else { return .nil }
            return .string(try relativeURL(url, context))
        },
        "absolute_url": Filter { input, _, context in
            guard let url = url(of: input) else { return .nil }
            if try AddressableURI.isAbsolute(url) { return .string(url) }
            let siteURL = site("url", context).text
            if siteURL.isEmpty { return .string(try relativeURL(url, context)) }
            return .string(try AddressableURI.normalize(siteURL + relativeURL(url, context)))
        },
        "uri_escape": Filter { input, _, _ in
            input.isNil ? .nil : .string(AddressableURI.normalizeComponent(input.text))
        },
        "cgi_escape": Filter { input, _, _ in .string(StandardFilters.urlEncode(input.text)) },
    ]

    /// The URL a filter input stands for: a page or document drop's `url`,
    /// or the input's text; nil for nil.
    private static func url(of input: Value) -> String? {
        switch input {
        case .nil: return nil
        case .drop(let drop): return drop.value(for: "url").map(\.text) ?? input.text
        default: return input.text
        }
    }

    /// `baseurl` (without its last `/`) and the URL joined, each with a
    /// leading `/`, and normalized; an absolute URL as it is.
    private static func relativeURL(_ url: String, _ context: Context) throws -> String {
        if try AddressableURI.isAbsolute(url) { return url }
        var base = site("baseurl", context).text
        if base.hasSuffix("/") { base.removeLast() }
        return try AddressableURI.normalize(leadingSlash(base) + leadingSlash(url))
    }

    private static func leadingSlash(_ path: String) -> String {
        path.isEmpty || path.hasPrefix("/") ? path : "/" + path
    }

    /// `site.key` from the render's variables: Jekyll reads the site's
    /// configuration, which a build exposes as the `site` variable.
    private static func site(_ key: String, _ context: Context) -> Value {
        switch context["site"] {
        case .hash(let hash)?: hash[key] ?? .nil
        case .drop(let drop)?: drop.value(for: key) ?? .nil
        default: .nil
        }
    }
}
