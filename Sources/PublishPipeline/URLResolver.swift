/// Resolves a URL reference against an absolute base URL, as RFC 3986
/// §5.2 says and as a browser showing the post would: `foo.png`,
/// `../foo.png`, `/foo.png`, `//host/x`, `?q` and `#frag`. A reference
/// with a scheme (`https:`, `mailto:`, `data:`) is already absolute. Feeds
/// and email, read away from the site, resolve every link with it.
public struct URLResolver: Sendable {
    /// `https://example.org`
    private let origin: String
    /// `https`
    private let scheme: String
    /// `/blog/2014/06/16/hello.html`
    private let path: String
    /// The base without its fragment.
    private let base: String

    /// - Parameter base: an absolute URL with a scheme and an authority.
    public init(base: String) {
        let withoutFragment = base.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
        self.base = String(withoutFragment)
        let schemeEnd = withoutFragment.firstIndex(of: ":") ?? withoutFragment.startIndex
        scheme = String(withoutFragment[..<schemeEnd])
        let afterScheme = withoutFragment[schemeEnd...].dropFirst()
        let hierarchy = afterScheme.hasPrefix("//") ? afterScheme.dropFirst(2) : afterScheme
        let pathStart = hierarchy.firstIndex { $0 == "/" || $0 == "?" } ?? hierarchy.endIndex
        origin = scheme + "://" + hierarchy[..<pathStart]
        let rest = hierarchy[pathStart...]
        let path = rest.prefix { $0 != "?" }
        self.path = path.isEmpty ? "/" : String(path)
    }

    public func resolve(_ reference: String) -> String {
        if reference.isEmpty { return base }
        if URLResolver.hasScheme(reference) { return reference }
        if reference.hasPrefix("//") { return scheme + ":" + reference }
        if reference.hasPrefix("#") { return base + reference }
        if reference.hasPrefix("?") { return origin + path + reference }
        let split = reference.firstIndex { $0 == "?" || $0 == "#" } ?? reference.endIndex
        let referencePath = String(reference[..<split])
        let tail = reference[split...]
        if referencePath.hasPrefix("/") {
            return origin + URLResolver.removingDotSegments(referencePath) + tail
        }
        let directory = path[...(path.lastIndex(of: "/") ?? path.startIndex)]
        return origin + URLResolver.removingDotSegments(directory + referencePath) + tail
    }

    /// Whether `text` starts with `scheme:`, the colon before any `/`, `?` or `#`.
    public static func hasScheme(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, isLetter(first) else { return false }
        for scalar in text.unicodeScalars.dropFirst() {
            if scalar == ":" { return true }
            guard isLetter(scalar) || ("0"..."9").contains(scalar) || "+-.".unicodeScalars.contains(scalar)
            else { return false }
        }
        return false
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }

    /// RFC 3986 §5.2.4 on an absolute path: `.` segments go, `..` takes the
    /// one before it away, and never climbs above the root.
    static func removingDotSegments(_ path: String) -> String {
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        var output: [Substring] = []
        for (index, segment) in segments.enumerated() {
            let isLast = index == segments.count - 1
            switch segment {
            case ".":
                if isLast { output.append("") }
            case "..":
                if output.count > 1 { output.removeLast() }
                if isLast { output.append("") }
            default:
                output.append(segment)
            }
        }
        let joined = output.joined(separator: "/")
        return joined.hasPrefix("/") ? joined : "/" + joined
    }
}
