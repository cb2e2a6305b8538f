import Foundation
import PublishAST

/// The Liquid that Jekyll posts use, expanded before the Markdown is read,
/// as Jekyll does: `{% raw %}`, `{% highlight %}` (as a fenced code block),
/// `{% link %}`, `{% post_url %}`, `{{ site.X }}` and `{{ page.X }}` with
/// the `relative_url` and `absolute_url` filters. Any other tag is left as
/// text with a located warning, never guessed at. A `post_url` or `link`
/// to a file the site does not have is a warning, as a broken link is in
/// Hugo, and writes the name as given. Line breaks are kept, so
/// every later position still points at the right line of the file.
struct Liquid: Sendable {
    /// `site.X` values, as text.
    var site: [String: String]
    /// A post's URL (with the baseurl) by its file name without extension,
    /// `2014-06-16-hello`, and by its path below `_posts`.
    var posts: [String: String]
    /// Any post's or page's URL (with the baseurl) by its source path.
    var files: [String: String]
    var baseurl: String
    var siteURL: String

    /// Expands `text`, which starts at file line `firstLine` of `path`.
    func expand(_ text: Substring, page: [String: String], path: String, firstLine: Int) -> (String, [Diagnostic]) {
        var output = ""
        var diagnostics: [Diagnostic] = []
        var rest = text
        var line = firstLine
        var rawUntilEnd = false
        while let open = Liquid.opening(in: rest, tagOnly: rawUntilEnd) {
            let before = rest[..<open.lowerBound]
            output += before
            line += Liquid.lineBreaks(in: before)
            let tail = rest[open.lowerBound...]
            guard let markup = Markup(tail) else {
                output += rest[open]
                rest = rest[open.upperBound...]
                continue
            }
            let column = (output.lastIndex(of: "\n").map { output[output.index(after: $0)...] } ?? output[...]).utf8.count + 1
            let at = SourceLocation(path: path, line: line, column: column)
            let written = tail[..<markup.end]
            rest = tail[markup.end...]
            if rawUntilEnd {
                if markup.isTag && markup.name == "endraw" {
                    rawUntilEnd = false
                } else {
                    output += written
                }
                line += Liquid.lineBreaks(in: written)
                continue
            }
            var replacement: String
            switch (markup.isTag, markup.name) {
            case (true, "raw"):
                rawUntilEnd = true
                replacement = ""
            case (true, "highlight"):
                replacement = "```" + (markup.arguments.first ?? "")
            case (true, "endhighlight"):
                replacement = "```"
            case (true, "post_url"), (true, "link"):
                let target = markup.arguments.first ?? ""
                let isPost = markup.name == "post_url"
                if let url = (isPost ? posts : files)[target] {
                    replacement = url
                } else {
                    let hint = isPost ? "names no post, so the link leads nowhere; write the file name without its extension, like 2014-06-16-hello"
                                      : "names no post or page, so the link leads nowhere; give its path from the site folder"
                    diagnostics.append(.warning("`{% \(markup.name) \(target) %}` \(hint)", at: at))
                    replacement = target
                }
            case (true, _):
                diagnostics.append(.warning("the Liquid tag `\(markup.name)` is not supported; it is left as text (wrap it in {% raw %} to silence this)", at: at))
                replacement = String(written)
            case (false, _):
                replacement = value(of: markup, page: page, at: at, diagnostics: &diagnostics) ?? String(written)
            }
            // Keep the line count: a tag written over several lines leaves its line breaks.
            let breaks = Liquid.lineBreaks(in: written)
            output += replacement + String(repeating: "\n", count: breaks)
            line += breaks
        }
        output += rest
        if rawUntilEnd {
            diagnostics.append(.warning("`{% raw %}` is never closed with `{% endraw %}`", at: SourceLocation(path: path, line: line, column: 1)))
        }
        return (output, diagnostics)
    }

    /// Where the next `{` (or, inside `{% raw %}`, `{%`) starts. The text
    /// is searched as bytes: the generic search that compares characters
    /// was most of the time Liquid took.
    static func opening(in text: Substring, tagOnly: Bool) -> Range<Substring.Index>? {
        let bytes = text.utf8
        var from = bytes.startIndex
        while let brace = bytes[from...].firstIndex(of: UInt8(ascii: "{")) {
            let next = bytes.index(after: brace)
            if !tagOnly { return brace..<next }
            if next < bytes.endIndex, bytes[next] == UInt8(ascii: "%") { return brace..<bytes.index(after: next) }
            from = next
        }
        return nil
    }

    /// The line feeds in `text` (a CR LF counts once, by its LF).
    static func lineBreaks(in text: Substring) -> Int {
        text.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
    }

    /// `{{ site.title }}`, `{{ page.url | absolute_url }}`; nil when the
    /// expression is not one publish knows, after a warning.
    private func value(of markup: Markup, page: [String: String], at: SourceLocation,
                       diagnostics: inout [Diagnostic]) -> String? {
        let parts = markup.body.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
        guard let variable = parts.first else { return nil }
        var result: String?
        if variable.hasPrefix("site.") {
            result = site[String(variable.dropFirst(5))]
        } else if variable.hasPrefix("page.") {
            result = page[String(variable.dropFirst(5))]
        } else if variable.count >= 2, let quote = variable.first, quote == "\"" || quote == "'", variable.last == quote {
            result = String(variable.dropFirst().dropLast())
        }
        if result == nil, variable.hasPrefix("site.") || variable.hasPrefix("page.") {
            // Liquid prints an unset variable as nothing; so does Jekyll.
            diagnostics.append(.warning("`\(variable)` is not set; it is left empty, as Jekyll leaves it", at: at))
            result = ""
        }
        guard var text = result else {
            diagnostics.append(.warning("`{{ \(markup.body) }}` is not a value publish knows (site.X and page.X are); it is left as text", at: at))
            return nil
        }
        for filter in parts.dropFirst() {
            switch filter {
            case "relative_url": text = baseurl + (text.hasPrefix("/") ? text : "/" + text)
            case "absolute_url": text = siteURL + baseurl + (text.hasPrefix("/") ? text : "/" + text)
            case "xml_escape", "escape": text = text.replacing("&", with: "&amp;").replacing("<", with: "&lt;").replacing(">", with: "&gt;").replacing("\"", with: "&quot;")
            case "downcase": text = text.lowercased()
            case "upcase": text = text.uppercased()
            default:
                diagnostics.append(.warning("the Liquid filter `\(filter)` is not supported; it is ignored", at: at))
            }
        }
        return text
    }
}

/// One `{% tag arguments %}` or `{{ expression }}`, with `-` trimming marks.
private struct Markup {
    var isTag: Bool
    var name: String
    var arguments: [String]
    var body: String
    /// Just past the closing `%}` or `}}`.
    var end: Substring.Index

    init?(_ text: Substring) {
        let isTag: Bool
        if text.hasPrefix("{%") { isTag = true } else if text.hasPrefix("{{") { isTag = false } else { return nil }
        let inner = text.dropFirst(2)
        // A tag never runs past a blank line: `{{` in prose is not Liquid.
        guard let range = Markup.closing(in: inner, by: isTag ? UInt8(ascii: "%") : UInt8(ascii: "}")) else { return nil }
        var body = inner[..<range.lowerBound]
        if body.hasPrefix("-") { body = body.dropFirst() }
        if body.hasSuffix("-") { body = body.dropLast() }
        let words = body.split(whereSeparator: \.isWhitespace).map(String.init)
        guard let first = words.first else { return nil }
        self.isTag = isTag
        name = isTag ? first : ""
        arguments = isTag ? Array(words.dropFirst()) : []
        self.body = body.trimmingCharacters(in: .whitespaces)
        end = range.upperBound
    }

    /// The first `%}` (`first` is `%`) or `}}` in `text`, unless a blank
    /// line comes before it.
    private static func closing(in text: Substring, by first: UInt8) -> Range<Substring.Index>? {
        let bytes = text.utf8
        var previous: UInt8 = 0
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n"), previous == UInt8(ascii: "\n") { return nil }
            let next = bytes.index(after: index)
            if byte == first, next < bytes.endIndex, bytes[next] == UInt8(ascii: "}") {
                return index..<bytes.index(after: next)
            }
            previous = byte
            index = next
        }
        return nil
    }
}

extension Liquid {
    /// Whether a file holds anything Liquid could expand.
    static func appears(in bytes: [UInt8]) -> Bool {
        var previous: UInt8 = 0
        for byte in bytes {
            if previous == UInt8(ascii: "{"), byte == UInt8(ascii: "%") || byte == UInt8(ascii: "{") { return true }
            previous = byte
        }
        return false
    }

    /// `page.X` values for a file with this front matter.
    func pageVariables(_ metadata: Metadata, path: String) -> [String: String] {
        var page: [String: String] = ["path": path]
        if let url = files[path] { page["url"] = String(url.dropFirst(baseurl.count)) }
        if let title = metadata.title { page["title"] = title }
        if let date = metadata.date { page["date"] = date.description }
        if let slug = metadata.slug { page["slug"] = slug }
        if let description = metadata.description { page["description"] = description }
        if let language = metadata.language { page["lang"] = language }
        if !metadata.categories.isEmpty { page["categories"] = metadata.categories.joined(separator: " ") }
        if !metadata.tags.isEmpty { page["tags"] = metadata.tags.joined(separator: " ") }
        if let author = metadata.authors.first { page["author"] = author.name }
        for entry in metadata.extra {
            if let text = entry.value.scalarText { page[entry.key] = text }
        }
        return page
    }
}

extension Liquid {
    /// A `CacheKey` of everything a file's Liquid can look up: a post that
    /// holds Liquid is taken from the cache only while this is the same.
    var cacheKey: String {
        var key = CacheKey("liquid")
        for map in [site, posts, files] {
            key.add(map.count)
            for name in map.keys.sorted() {
                key.add(name)
                key.add(map[name]!)
            }
        }
        key.add(baseurl)
        key.add(siteURL)
        return key.value
    }
}
