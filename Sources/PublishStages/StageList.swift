import Foundation
import PublishAST

/// The stages a pipeline runs, in order, each made from its options.
///
/// In a pipeline file the list is written as names, or as one-key mappings
/// from a name to its options:
///
/// ```yaml
/// stages:
///   - tables
///   - heading-ids:
///       unique: true
/// ```
public struct StageList: Sendable {
    public private(set) var stages: [any Stage]

    public init(_ stages: [any Stage] = []) {
        self.stages = stages
    }

    /// Reads the value of a `stages` key.
    ///
    /// - Throws: a `Diagnostic` naming an unknown stage (with the nearest
    ///   known name), a malformed entry, or a stage's own option error.
    /// - Parameters:
    ///   - locations: where keys were written, by dotted path
    ///     (`stages[1].heading-ids.prefix`), for located errors.
    ///   - directory: where the commands of external stages run.
    public init(yaml: YAMLValue, locations: [String: SourceLocation] = [:],
                directory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) throws {
        guard case .sequence(let entries) = yaml else {
            throw Diagnostic.error("`stages` must be a list of stage names", at: locations["stages"])
        }
        stages = try entries.enumerated().map { index, entry in
            try StageList.stage(from: entry, path: "stages[\(index)]", locations: locations, directory: directory)
        }
    }

    private static func stage(from entry: YAMLValue, path: String, locations: [String: SourceLocation],
                              directory: URL) throws -> any Stage {
        let at = locations[path] ?? locations["stages"]
        let name: String
        var values = YAMLMapping()
        switch entry {
        case .string(let text):
            name = text
        case .mapping(let mapping) where mapping.count == 1:
            name = mapping.keys[0]
            switch mapping[name] {
            case .mapping(let options)?: values = options
            case .null?: break
            default: throw Diagnostic.error("the options of stage `\(name)` must be a mapping of keys to values", at: at)
            }
        default:
            throw Diagnostic.error("each entry of `stages` is a stage name, or a name with a mapping of options", at: at)
        }
        var optionLocations: [String: SourceLocation] = [:]
        for key in values.keys { optionLocations[key] = locations["\(path).\(name).\(key)"] }
        let settings = Settings(owner: "stage `\(name)`", values: values, locations: optionLocations, at: at)
        if StageRegistry.stage(named: name) == nil, values["command"] != nil {
            return try ExternalStage(name: name, options: settings, directory: directory)
        }
        guard let type = StageRegistry.stage(named: name) else {
            var message = "there is no stage `\(name)`"
            if let near = Spelling.nearest(to: name, among: StageRegistry.names) { message += " (did you mean `\(near)`?)" }
            throw Diagnostic.error(message + "; the stages are: " + StageRegistry.names.joined(separator: ", ")
                                   + ", or any name with a `command` option", at: at)
        }
        return try type.init(options: settings)
    }

    public var names: [String] { stages.map { type(of: $0).name } }

    /// Runs every stage over `document` in order; returns the warnings.
    public func run(_ document: inout Document, source: SourceLines) -> [Diagnostic] {
        var context = StageContext(source: source)
        for stage in stages {
            stage.run(&document, context: &context)
        }
        return context.diagnostics
    }
}
