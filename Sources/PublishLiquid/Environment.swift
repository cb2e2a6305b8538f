/// What templates may use: tags, filters, where partials come from, and the
/// limits a render stops at. Made once and shared by every template parsed
/// with it.
public struct Environment: Sendable {
    public var tags: [String: TagParser]
    public var filters: FilterSet
    public var fileSystem: any FileSystem
    /// Where parsed partials are kept across renders; nil keeps them for one render only.
    public var partials: PartialStore?
    public var limits: Limits
    /// How deep blocks, scopes and partials may nest.
    public var maximumDepth = 100

    /// Liquid's own tags and filters, with no file system.
    public init(fileSystem: any FileSystem = NoFileSystem(), limits: Limits = Limits()) {
        self.tags = StandardTags.all
        self.filters = StandardFilters.all
        self.fileSystem = fileSystem
        self.limits = limits
    }
}

/// Where `include` and `render` find partials by name.
public protocol FileSystem: Sendable {
    /// The source of the partial `name`, or an error Liquid reports as it is.
    func source(of name: String) throws -> String
}

/// The file system of a template that may not include anything.
public struct NoFileSystem: FileSystem {
    public init() {}
    public func source(of name: String) throws -> String {
        throw LiquidError(.fileSystem, "This liquid context does not allow includes.")
    }
}

/// Partials held in memory by name.
public struct MemoryFileSystem: FileSystem {
    public var files: [String: String]
    public init(_ files: [String: String]) { self.files = files }
    public func source(of name: String) throws -> String {
        guard let source = files[name] else { throw LiquidError(.fileSystem, "Could not find asset \(name)") }
        return source
    }
}
