import Crypto
import Foundation

/// Gives the writer's `<img>` tags `width` and `height` when the image is
/// one of the site's own files, its size can be read and it is wide
/// enough for its alt text; with `embed`,
/// also carries such an image inside the message (`cid:`), for readers
/// whose mail client does not load remote images.
struct ImageSizing {
    /// The site's absolute URL and baseurl, with a trailing slash.
    let siteURL: String
    let source: URL?
    /// Put the site's own PNG, GIF and JPEG images into the message.
    var embed = false
    /// The sender's domain, for Content-IDs.
    var domain = "localhost"

    /// Narrower than this, an image gets no `width` and `height`: with
    /// images blocked, the client shows the alt text in the box they set,
    /// and in a 16px box it is one letter a line. Loaded, such an image is
    /// shown at its own size anyway (it is under the column's width).
    static let readableAltWidth = 160

    /// The size to show the image at `url` and the file's bytes, or nil when
    /// it is not the site's or not a PNG, GIF or JPEG.
    private func image(at url: String) -> (width: Int, height: Int, file: String, bytes: [UInt8])? {
        guard let source, url.hasPrefix(siteURL) else { return nil }
        let path = url.dropFirst(siteURL.count).prefix { $0 != "?" && $0 != "#" }
        guard let decoded = String(path).removingPercentEncoding, !decoded.split(separator: "/").contains(".."),
              let handle = FileHandle(forReadingAtPath: source.appendingPathComponent(decoded).path) else { return nil }
        defer { try? handle.close() }
        // A JPEG's frame header follows its metadata, which may be long.
        var bytes = Array(handle.readData(ofLength: 256 * 1024))
        guard let size = ImageSize.of(bytes).flatMap(ImageSize.shown) else { return nil }
        if embed { bytes += Array(handle.readDataToEndOfFile()) }
        return (size.width, size.height, decoded, bytes)
    }

    /// `html` (the writer's styled fragment) with sizes on its images, and
    /// with `embed` their sources turned to `cid:` and the images to attach.
    func apply(_ html: String) -> (html: String, images: [EmbeddedImage]) {
        guard html.containsBytes("<img ") else { return (html, []) }
        let pieces = html.components(separatedBy: "<img ")
        var out = pieces[0]
        var images: [EmbeddedImage] = []
        var byFile: [String: String] = [:]
        for piece in pieces.dropFirst() {
            out += "<img "
            guard let start = piece.range(of: "src=\""), let end = piece[start.upperBound...].firstIndex(of: "\""),
                  case let url = piece[start.upperBound..<end].replacingOccurrences(of: "&amp;", with: "&"),
                  let image = image(at: url) else {
                out += piece
                continue
            }
            if image.width >= ImageSizing.readableAltWidth {
                out += "width=\"\(image.width)\" height=\"\(image.height)\" "
            }
            guard embed, let type = EmbeddedImage.mediaType(image.bytes) else {
                out += piece
                continue
            }
            let id: String
            if let known = byFile[image.file] {
                id = known
            } else {
                let digest = Hex.lowercase(Array(SHA256.hash(data: image.bytes).prefix(8)))
                id = "img\(images.count + 1).\(digest)@\(domain)"
                byFile[image.file] = id
                images.append(EmbeddedImage(contentID: id, mediaType: type,
                                            fileName: (image.file as NSString).lastPathComponent, bytes: image.bytes))
            }
            out += piece[..<start.upperBound] + "cid:" + id + piece[end...]
        }
        return (out, images)
    }
}

/// An image carried inside the message, named by its Content-ID.
struct EmbeddedImage: Sendable {
    var contentID: String
    var mediaType: String
    var fileName: String
    var bytes: [UInt8]

    static func mediaType(_ bytes: [UInt8]) -> String? {
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) { return "image/png" }
        if bytes.starts(with: Array("GIF8".utf8)) { return "image/gif" }
        if bytes.starts(with: [0xFF, 0xD8]) { return "image/jpeg" }
        return nil
    }

    /// The MIME part: base64, inline, with its Content-ID.
    func part() -> [UInt8] {
        let name = fileName.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }
            ? fileName : "image"
        var out = Array("Content-Type: \(mediaType)\r\nContent-Transfer-Encoding: base64\r\n".utf8)
        out += Array("Content-ID: <\(contentID)>\r\nContent-Disposition: inline; filename=\"\(name)\"\r\n\r\n".utf8)
        return out + Base64.lines(bytes)
    }
}
