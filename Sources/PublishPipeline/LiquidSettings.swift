import PublishAST
import PublishLiquid

/// Jekyll's `liquid:` settings (`error_mode`, `strict_variables`,
/// `strict_filters`), its `includes_dir`, and publish's limits on a render
/// (`liquid: limits: loop_iterations / output_bytes`), which a site whose
/// templates really need more may raise.
public struct LiquidSettings: Sendable {
    /// Jekyll's default: read what does not parse the forgiving way, and warn.
    public var errorMode: ErrorMode = .warn
    public var strictVariables = false
    public var strictFilters = false
    public var includesFolder = "_includes"
    public var layoutsFolder = "_layouts"
    public var limits = Limits()

    public init() {}

    /// - Throws: a `Diagnostic` at the key with a value that is not allowed.
    init(config: YAMLMapping, at: (String) -> SourceLocation) throws {
        if let folder = config["includes_dir"]?.scalarText, !folder.isEmpty {
            includesFolder = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        }
        if let folder = config["layouts_dir"]?.scalarText, !folder.isEmpty {
            layoutsFolder = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        }
        guard case .mapping(let liquid)? = config["liquid"] else { return }
        if let mode = liquid["error_mode"]?.scalarText {
            guard let known = ErrorMode(rawValue: mode.hasPrefix(":") ? String(mode.dropFirst()) : mode) else {
                throw Diagnostic.error("`liquid: error_mode` is '\(mode)'; it takes lax, warn, strict or strict2",
                                       at: at("liquid.error_mode"))
            }
            errorMode = known
        }
        if case .bool(let flag)? = liquid["strict_variables"] { strictVariables = flag }
        if case .bool(let flag)? = liquid["strict_filters"] { strictFilters = flag }
        if case .mapping(let limits)? = liquid["limits"] {
            func count(_ key: String) throws -> Int? {
                guard let value = limits[key] else { return nil }
                guard case .int(let number) = value, number > 0 else {
                    throw Diagnostic.error("`liquid: limits: \(key)` must be a whole number above 0", at: at("liquid.limits.\(key)"))
                }
                return number
            }
            if let number = try count("loop_iterations") { self.limits.loopIterations = number }
            if let number = try count("output_bytes") { self.limits.outputLength = number }
            if let number = try count("assign_bytes") { self.limits.assignScore = number }
        }
    }
}
