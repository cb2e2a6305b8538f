import Foundation
import PublishAST
import PublishLiquid
import PublishReader

/// Jekyll's `site.data`: every `.yml`, `.yaml`, `.json`, `.csv` and `.tsv`
/// file below `_data` (`data_dir`), by name without its extension, a
/// folder as a hash of its files. A CSV or TSV file is a list of rows, each
/// a hash by the header row's names. A file that does not read is left out
/// with a located error; a link that leads out of the site is not read.
enum SiteData {
    static func read(folder: String, in source: URL) -> (data: Value, diagnostics: [Diagnostic]) {
        let root = source.appendingPathComponent(folder)
        let site = source.resolvingSymlinksInPath().path
        var diagnostics: [Diagnostic] = []
        var visited: Set<String> = []

        func readFolder(_ url: URL, path: String, depth: Int) -> Hash {
            var hash = Hash()
            let resolvedFolder = url.resolvingSymlinksInPath().path
            guard depth < 32, visited.insert(resolvedFolder).inserted,
                  let names = try? FileManager.default.contentsOfDirectory(atPath: url.path) else { return hash }
            for name in names.sorted() where !name.hasPrefix(".") {
                let file = url.appendingPathComponent(name)
                let relative = path + "/" + name
                guard let resolved = SiteBoundary.resolve(file, inside: site) else {
                    diagnostics.append(.warning("the file is a link to a file outside the site, so it is not read",
                                                at: SourceLocation(path: relative, position: .unknown)))
                    continue
                }
                var isFolder: ObjCBool = false
                guard FileManager.default.fileExists(atPath: resolved, isDirectory: &isFolder) else { continue }
                if isFolder.boolValue {
                    hash[name] = .hash(readFolder(file, path: relative, depth: depth + 1))
                    continue
                }
                let ext = (name as NSString).pathExtension.lowercased()
                guard ["yml", "yaml", "json", "csv", "tsv"].contains(ext),
                      let data = FileManager.default.contents(atPath: resolved) else { continue }
                let text = String(decoding: data, as: UTF8.self)
                do {
                    let value: Value
                    switch ext {
                    case "json": value = try JSON.parse(text)
                    case "csv", "tsv": value = table(text, separator: ext == "csv" ? "," : "\t")
                    default: value = try YAMLReader.read(text, path: relative, subject: "data file").liquidValue
                    }
                    hash[(name as NSString).deletingPathExtension] = value
                } catch let diagnostic as Diagnostic {
                    diagnostics.append(diagnostic)
                } catch {
                    diagnostics.append(.error("the data file does not read: \(error)",
                                              at: SourceLocation(path: relative, position: .unknown)))
                }
            }
            return hash
        }
        let resolvedRoot = root.resolvingSymlinksInPath().path
        guard resolvedRoot.hasPrefix(site + "/") else {
            if FileManager.default.fileExists(atPath: root.path) {
                diagnostics.append(.warning("the data folder leads outside the site, so it is not read",
                                            at: SourceLocation(path: folder, position: .unknown)))
            }
            return (.hash(Hash()), diagnostics)
        }
        return (.hash(readFolder(root, path: folder, depth: 0)), diagnostics)
    }

    /// Rows by the header's names, with RFC 4180 quoting (`"a ""b"""`).
    static func table(_ text: String, separator: Character) -> Value {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if quoted {
                if character == "\"" {
                    let next = text.index(after: index)
                    if next < text.endIndex, text[next] == "\"" {
                        field.append("\"")
                        index = next
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(character)
                }
            } else if character == "\"" && field.isEmpty {
                quoted = true
            } else if character == separator {
                row.append(field)
                field = ""
            } else if character == "\n" || character == "\r\n" || character == "\r" {
                row.append(field)
                rows.append(row)
                row = []
                field = ""
            } else {
                field.append(character)
            }
            index = text.index(after: index)
        }
        if !field.isEmpty || !row.isEmpty {
            row.append(field)
            rows.append(row)
        }
        guard let header = rows.first else { return .array([]) }
        return .array(rows.dropFirst().filter { $0 != [""] }.map { cells in
            .hash(Hash(header.enumerated().map { ($0.element, $0.offset < cells.count ? .string(cells[$0.offset]) : .nil) }))
        })
    }
}
