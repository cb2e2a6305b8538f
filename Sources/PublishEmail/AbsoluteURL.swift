import Foundation

/// Resolves the post's links and image sources against the post's own
/// URL: a message is read far from the site, where `/img/a.png` or
/// `../b.html` leads nowhere.
struct AbsoluteURL: Sendable {
    let base: URL?

    /// - Parameter base: the post's absolute URL.
    init(base: String) {
        self.base = URL(string: base)
    }

    func resolve(_ reference: String) -> String {
        guard let base else { return reference }
        if let url = URL(string: reference, relativeTo: base) { return url.absoluteString }
        // Non-ASCII references (a Chinese file name) are percent-encoded first.
        let allowed = CharacterSet.urlFragmentAllowed.union(CharacterSet(charactersIn: "#%"))
        guard let encoded = reference.addingPercentEncoding(withAllowedCharacters: allowed),
              let url = URL(string: encoded, relativeTo: base) else { return reference }
        return url.absoluteString
    }
}
