import PublishAST
import PublishLiquid

/// Jekyll's `defaults:` in `_config.yml`: front matter values given to
/// every file in a scope (a path prefix, a type: `posts`, `pages`,
/// `drafts`), which a file's own front matter overrides. Where scopes
/// overlap, the more specific one wins: the longer path, then the one that
/// names a type.
public struct FrontMatterDefaults: Sendable {
    struct Scope: Sendable {
        var path: String
        var type: String?
        var values: Hash
    }

    private let scopes: [Scope]

    public init(config: YAMLMapping) {
        guard case .sequence(let items)? = config["defaults"] else {
            scopes = []
            return
        }
        var scopes: [Scope] = []
        for item in items {
            guard case .mapping(let entry) = item, case .mapping(let values)? = entry["values"] else { continue }
            var path = "", type: String?
            if case .mapping(let scope)? = entry["scope"] {
                path = scope["path"]?.scalarText ?? ""
                type = scope["type"]?.scalarText
            }
            while path.hasPrefix("/") || path.hasPrefix("./") { path.removeFirst(path.hasPrefix("/") ? 1 : 2) }
            scopes.append(Scope(path: path, type: type, values: Hash(values.map { ($0.key, $0.value.liquidValue) })))
        }
        // Least specific first, so that a more specific scope's values are set last.
        self.scopes = scopes.enumerated().sorted {
            let a = ($0.element.path.split(separator: "/").count, $0.element.type == nil ? 0 : 1, $0.offset)
            let b = ($1.element.path.split(separator: "/").count, $1.element.type == nil ? 0 : 1, $1.offset)
            return a < b
        }.map(\.element)
    }

    public var isEmpty: Bool { scopes.isEmpty }

    /// The values for the file at `path` (from the site folder) of `type`.
    public func values(for path: String, type: String) -> Hash {
        var merged = Hash()
        for scope in scopes where scope.type == nil || scope.type == type {
            guard scope.path.isEmpty || path == scope.path || path.hasPrefix(scope.path.hasSuffix("/") ? scope.path : scope.path + "/")
            else { continue }
            for (key, value) in scope.values { merged[key] = value }
        }
        return merged
    }
}
