import Foundation

/// Gives the writer's `<img>` tags `width` and `height` when the image is
/// one of the site's own files and its size can be read.
struct ImageSizing {
    /// The site's absolute URL and baseurl, with a trailing slash.
    let siteURL: String
    let source: URL?

    /// The size to show the image at `url`, or nil when it is not the site's
    /// or not a PNG, GIF or JPEG.
    func size(of url: String) -> (width: Int, height: Int)? {
        guard let source, url.hasPrefix(siteURL) else { return nil }
        let path = url.dropFirst(siteURL.count).prefix { $0 != "?" && $0 != "#" }
        guard let decoded = String(path).removingPercentEncoding, !decoded.split(separator: "/").contains(".."),
              let handle = FileHandle(forReadingAtPath: source.appendingPathComponent(decoded).path) else { return nil }
        defer { try? handle.close() }
        // A JPEG's frame header follows its metadata, which may be long.
        let head = Array(handle.readData(ofLength: 256 * 1024))
        return ImageSize.of(head).flatMap(ImageSize.shown)
    }

    /// `html` (the writer's styled fragment) with sizes on its images.
    func apply(_ html: String) -> String {
        let pieces = html.components(separatedBy: "<img ")
        var out = pieces[0]
        for piece in pieces.dropFirst() {
            out += "<img "
            guard let start = piece.range(of: "src=\""), let end = piece[start.upperBound...].firstIndex(of: "\""),
                  case let url = piece[start.upperBound..<end].replacingOccurrences(of: "&amp;", with: "&"),
                  let size = size(of: url) else {
                out += piece
                continue
            }
            out += "width=\"\(size.width)\" height=\"\(size.height)\" " + piece
        }
        return out
    }
}
