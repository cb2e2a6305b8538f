import Foundation
import PublishPipeline

/// The site's files a book embeds, each once, named by its path in the
/// site with the extension its bytes call for.
struct Resources {
    struct Item {
        var href: String
        var type: MediaType
        var bytes: [UInt8]
    }

    enum Problem: Error {
        case missing
        case unknownType
    }

    private let source: URL?
    private let staticFiles: Set<String>
    private(set) var items: [Item] = []
    private var bySitePath: [String: Int] = [:]

    init(site: Site) {
        source = site.source
        staticFiles = Set(site.staticFiles)
    }

    /// The book's href for the first of `candidates` (site paths, without
    /// a leading slash) that names a file.
    mutating func embed(_ candidates: [String]) -> Result<Item, Problem> {
        for path in candidates {
            if let index = bySitePath[path] { return .success(items[index]) }
            guard let bytes = read(path) else { continue }
            guard let type = MediaType(sniffing: bytes) else { return .failure(.unknownType) }
            var stem = path
            if let dot = stem.lastIndex(of: "."), !stem[dot...].contains("/") { stem = String(stem[..<dot]) }
            let safe = stem.unicodeScalars.map { scalar -> String in
                let allowed = ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
                    || ("0"..."9").contains(scalar) || "-_".unicodeScalars.contains(scalar)
                return allowed ? String(scalar) : "-"
            }.joined()
            var href = "media/\(safe).\(type.fileExtension)"
            if items.contains(where: { $0.href == href }) { href = "media/\(safe)-\(items.count).\(type.fileExtension)" }
            items.append(Item(href: href, type: type, bytes: bytes))
            bySitePath[path] = items.count - 1
            return .success(items[items.count - 1])
        }
        return .failure(.missing)
    }

    private func read(_ path: String) -> [UInt8]? {
        guard let source, !path.isEmpty, !path.split(separator: "/").contains("..") else { return nil }
        let file = source.appendingPathComponent(path)
        var isFolder: ObjCBool = false
        guard staticFiles.contains(path)
                || (FileManager.default.fileExists(atPath: file.path, isDirectory: &isFolder) && !isFolder.boolValue),
              let data = FileManager.default.contents(atPath: file.path) else { return nil }
        return [UInt8](data)
    }
}
