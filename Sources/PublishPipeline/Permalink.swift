import Foundation
import PublishAST

/// A Jekyll permalink: a pattern of `:placeholders`, or one of the named
/// styles, turned into a post's URL and the file that serves it.
public struct Permalink: Hashable, Sendable {
    /// The pattern, with a named style already expanded.
    public let pattern: String

    /// Jekyll's built-in styles for posts.
    public static let styles: [String: String] = [
        "date": "/:categories/:year/:month/:day/:title:output_ext",
        "pretty": "/:categories/:year/:month/:day/:title/",
        "ordinal": "/:categories/:year/:y_day/:title:output_ext",
        "weekdate": "/:categories/:year/W:week/:short_day/:title:output_ext",
        "none": "/:categories/:title:output_ext",
    ]

    /// Jekyll's default, the `date` style.
    public static let `default` = Permalink(validated: styles["date"]!)

    /// - Throws: a `Diagnostic` for an unknown placeholder, naming the known ones.
    public init(_ patternOrStyle: String) throws {
        let pattern = Permalink.styles[patternOrStyle] ?? patternOrStyle
        for name in Permalink.placeholders(in: pattern) where Permalink.resolve(name) == nil {
            var message = "the permalink '\(patternOrStyle)' has an unknown placeholder `:\(name)`"
            if let near = Spelling.nearest(to: name, among: Fields.names) { message += " (did you mean `:\(near)`?)" }
            throw Diagnostic.error(message + "; styles are date, pretty, ordinal, weekdate, none")
        }
        self.pattern = pattern
    }

    private init(validated pattern: String) {
        self.pattern = pattern
    }

    /// What a post contributes to its URL.
    public struct Fields: Sendable {
        /// The post's date, already in the site's time zone.
        public var date: DateComponents
        /// `slug:` from front matter, else the file name's slug.
        public var slug: String
        public var categories: [String]
        public var outputExtension: String

        public init(date: DateComponents, slug: String, categories: [String], outputExtension: String = ".html") {
            self.date = date
            self.slug = slug
            self.categories = categories
            self.outputExtension = outputExtension
        }

        static let names = [
            "year", "month", "day", "hour", "minute", "second", "i_month", "i_day", "short_year", "y_day",
            "short_month", "long_month", "short_day", "long_day", "week", "w_year", "w_day",
            "title", "slug", "name", "categories", "output_ext",
        ]

        func value(_ name: String) -> String {
            let number = { (value: Int?, width: Int) -> String in
                let digits = String(value ?? 0)
                return String(repeating: "0", count: max(0, width - digits.count)) + digits
            }
            switch name {
            case "year": return number(date.year, 4)
            case "month": return number(date.month, 2)
            case "day": return number(date.day, 2)
            case "hour": return number(date.hour, 2)
            case "minute": return number(date.minute, 2)
            case "second": return number(date.second, 2)
            case "i_month": return String(date.month ?? 0)
            case "i_day": return String(date.day ?? 0)
            case "short_year": return number((date.year ?? 0) % 100, 2)
            case "y_day": return number(date.dayOfYear, 3)
            case "short_month": return String(Permalink.months[(date.month ?? 1) - 1].prefix(3))
            case "long_month": return Permalink.months[(date.month ?? 1) - 1]
            case "short_day": return String(Permalink.weekdays[(date.weekday ?? 1) - 1].prefix(3))
            case "long_day": return Permalink.weekdays[(date.weekday ?? 1) - 1]
            case "week": return number(date.weekOfYear, 2)
            case "w_year": return String(date.yearForWeekOfYear ?? date.year ?? 0)
            case "w_day": return String(((date.weekday ?? 1) + 5) % 7 + 1)
            case "title": return Slug.make(slug, mode: .pretty, cased: true)
            case "slug", "name": return Slug.make(slug)
            case "categories":
                var seen: [String] = []
                for category in categories.map({ $0.lowercased() }) where !seen.contains(category) {
                    seen.append(category)
                }
                return seen.joined(separator: "/")
            case "output_ext": return outputExtension
            default: return ""
            }
        }
    }

    static let months = ["January", "February", "March", "April", "May", "June", "July", "August",
                         "September", "October", "November", "December"]
    static let weekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

    /// The post's URL: placeholders filled and percent-encoded, repeated
    /// slashes folded, always starting with `/`.
    public func url(for fields: Fields) -> String {
        var url = ""
        var rest = pattern[...]
        while let colon = rest.firstIndex(of: ":") {
            url += rest[..<colon]
            let nameEnd = rest[rest.index(after: colon)...].firstIndex { !Permalink.isNameCharacter($0) } ?? rest.endIndex
            let written = String(rest[rest.index(after: colon)..<nameEnd])
            if let name = Permalink.resolve(written) {
                url += Permalink.escapePath(fields.value(name))
                // `:title_` was `:title` followed by `_`.
                if name.count < written.count { url += written.dropFirst(name.count) }
            } else {
                url += ":" + written
            }
            rest = rest[nameEnd...]
        }
        url += rest
        var folded = ""
        for character in "/" + url where !(character == "/" && folded.hasSuffix("/")) {
            folded.append(character)
        }
        return folded
    }

    /// The file, relative to the output folder, that serves `url`; nil when
    /// a segment is `..` or `.`, which would leave the output folder.
    public static func outputPath(for url: String, outputExtension: String = ".html") -> String? {
        let decoded = url.removingPercentEncoding ?? url
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: true)
        guard !segments.contains(where: { $0 == ".." || $0 == "." }) else { return nil }
        var path = segments.joined(separator: "/")
        if decoded.hasSuffix("/") || path.isEmpty {
            path += path.isEmpty ? "index.html" : "/index.html"
        } else if !path.hasSuffix(outputExtension) {
            path += outputExtension
        }
        return path
    }

    // MARK: Placeholders

    private static func isNameCharacter(_ character: Character) -> Bool {
        character == "_" || ("a"..."z").contains(character)
    }

    private static func placeholders(in pattern: String) -> [String] {
        var names: [String] = []
        var rest = pattern[...]
        while let colon = rest.firstIndex(of: ":") {
            let after = rest.index(after: colon)
            let end = rest[after...].firstIndex { !isNameCharacter($0) } ?? rest.endIndex
            if end > after { names.append(String(rest[after..<end])) }
            rest = rest[end...]
        }
        return names
    }

    /// The placeholder a written name stands for: itself, or without a
    /// trailing `_` (`:title_`), as Jekyll reads it.
    private static func resolve(_ written: String) -> String? {
        if Fields.names.contains(written) { return written }
        var trimmed = written
        while trimmed.hasSuffix("_") {
            trimmed.removeLast()
            if Fields.names.contains(trimmed) { return trimmed }
        }
        return nil
    }

    /// Percent-encodes what may not stand in a URL path, as Jekyll does:
    /// non-ASCII as UTF-8 bytes, spaces, and `#`, `?`, `%`.
    public static func escapePath(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            if byte < 0x80, allowedInPath.contains(Character(Unicode.Scalar(byte))) {
                result.append(Character(Unicode.Scalar(byte)))
            } else {
                result += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return result
    }

    private static let allowedInPath = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:@/")
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}

extension Permalink.Fields {
    /// The fields of a post dated `date`, read in the site's `timeZone`
    /// (Jekyll turns every post date into the site's local time first).
    public init(date: PostDate, timeZone: TimeZone, slug: String, categories: [String]) {
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = timeZone
        let instant = date.date(in: timeZone)
        let components = calendar.dateComponents(
            [.year, .month, .day, .hour, .minute, .second, .weekday, .weekOfYear, .yearForWeekOfYear, .dayOfYear],
            from: instant)
        self.init(date: components, slug: slug, categories: categories)
    }
}
