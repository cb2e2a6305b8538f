import Foundation

/// A Jekyll theme gem (`theme: minima`) where Ruby would find it: Debian's
/// rubygems-integration folders, the system and user gem folders, and
/// `GEM_HOME` / `GEM_PATH`. The highest version found wins.
public enum ThemeGem {
    /// The folders that hold installed gems, in the order searched.
    static var gemFolders: [String] {
        var folders: [String] = []
        let environment = ProcessInfo.processInfo.environment
        for variable in ["GEM_HOME", "GEM_PATH"] {
            for path in (environment[variable] ?? "").split(separator: ":") { folders.append(String(path) + "/gems") }
        }
        folders += ["/usr/share/rubygems-integration/all/gems", "/usr/lib/ruby/gems", "/var/lib/gems", "/usr/local/lib/ruby/gems"]
        if let home = environment["HOME"] { folders += [home + "/.gem/ruby", home + "/.local/share/gem/ruby"] }
        return folders
    }

    /// The installed gem `name`'s folder, or nil.
    public static func find(_ name: String) -> URL? {
        guard !name.isEmpty, !name.contains("/"), !name.hasPrefix(".") else { return nil }
        var found: [(version: [Int], path: String)] = []
        for folder in gemFolders {
            // A gem folder is `gems/NAME-VERSION`, directly or one level down (`ruby/3.1.0/gems/…`).
            for place in [folder] + subfolders(folder).flatMap({ [$0 + "/gems"] + subfolders($0).map { $0 + "/gems" } }) {
                for entry in (try? FileManager.default.contentsOfDirectory(atPath: place)) ?? []
                where entry.hasPrefix(name + "-") {
                    let version = entry.dropFirst(name.count + 1).split(separator: ".").map { Int($0) ?? -1 }
                    guard !version.isEmpty, !version.contains(-1) else { continue }
                    let path = place + "/" + entry
                    if FileManager.default.fileExists(atPath: path + "/_layouts") { found.append((version, path)) }
                }
            }
        }
        return found.max { $0.version.lexicographicallyPrecedes($1.version) }.map { URL(fileURLWithPath: $0.path) }
    }

    private static func subfolders(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).map { folder + "/" + $0 }
    }
}
