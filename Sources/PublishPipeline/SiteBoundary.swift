import Foundation

/// The one test of whether a file read for the site stays inside it: its
/// path with every link resolved must be the site folder's or below it, so
/// a link to `/etc` or a `..` in a setting reads nothing from outside.
public enum SiteBoundary {
    /// `file`'s path with links resolved, or nil when that leads outside
    /// `site` (the site folder's path, links resolved).
    public static func resolve(_ file: URL, inside site: String) -> String? {
        let resolved = file.resolvingSymlinksInPath().path
        return resolved == site || resolved.hasPrefix(site + "/") ? resolved : nil
    }
}
