import Foundation

/// Partials read from a folder, by their path below it. A name that climbs
/// out of the folder (`../x`, `/etc/x`) or a link that leads out of it is
/// refused: a cloned site must not be able to include `/etc/passwd`.
public struct FolderFileSystem: FileSystem {
    public let root: String
    /// Added to a name without one, as liquid-ruby adds `.liquid`; empty for none.
    public var defaultExtension: String

    public init(root: String, defaultExtension: String = "") {
        self.root = root
        self.defaultExtension = defaultExtension
    }

    public func source(of name: String) throws -> String {
        let path = try resolve(name)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LiquidError(.fileSystem, "Could not locate the included file '\(name)' in \(root)")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// The file `name` stands for, inside the folder.
    public func resolve(_ name: String) throws -> String {
        let parts = name.split(separator: "/", omittingEmptySubsequences: false)
        guard !name.isEmpty, !name.hasPrefix("/"), !parts.contains(where: { $0 == ".." || $0 == "." || $0.isEmpty }) else {
            throw LiquidError(.fileSystem, "Illegal template name '\(name)'")
        }
        var file = (root as NSString).appendingPathComponent(name)
        if !defaultExtension.isEmpty, (name as NSString).pathExtension.isEmpty { file += defaultExtension }
        let base = URL(fileURLWithPath: root).resolvingSymlinksInPath().path
        let resolved = URL(fileURLWithPath: file).resolvingSymlinksInPath().path
        guard resolved == base || resolved.hasPrefix(base.hasSuffix("/") ? base : base + "/") else {
            throw LiquidError(.fileSystem, "'\(name)' leads outside \(root), so it is not read")
        }
        return resolved
    }
}

/// Partials from the first of several file systems that has them: a site's
/// `_includes`, then its theme's.
public struct LayeredFileSystem: FileSystem {
    public let layers: [any FileSystem]

    public init(_ layers: [any FileSystem]) {
        self.layers = layers
    }

    /// The first layer's text for `name`; when none has it, the first layer's error.
    public func source(of name: String) throws -> String {
        var firstError: Error?
        for layer in layers {
            do {
                return try layer.source(of: name)
            } catch {
                if firstError == nil { firstError = error }
            }
        }
        throw firstError ?? LiquidError(.fileSystem, "Could not locate the included file '\(name)'")
    }
}
