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
///       prefix: "h-"
///   - plain-quotes:            # any stage may be limited to some outputs:
///       command: ./quotes.py   # it then runs only for them, after the rest
///       outputs: [email]
/// ```
public struct StageList: Sendable {
    /// Every stage, in order, whatever outputs it is limited to.
    public private(set) var stages: [any Stage]
    /// For each stage, the outputs it runs for; nil for all of them.
    private var limits: [[String]?]

    public init(_ stages: [any Stage] = []) {
        self.stages = stages
        limits = stages.map { _ in nil }
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
        // Every entry is checked, and every problem reported together.
        var made: [(stage: any Stage, outputs: [String]?)] = []
        var problems: [Diagnostic] = []
        for (index, entry) in entries.enumerated() {
            do {
                made.append(try StageList.stage(from: entry, path: "stages[\(index)]", locations: locations, directory: directory))
            } catch {
                problems += Diagnostic.all(in: error)
            }
        }
        try DiagnosticList.throwIfAny(problems)
        stages = made.map(\.stage)
        limits = made.map(\.outputs)
    }

    private static func stage(from entry: YAMLValue, path: String, locations: [String: SourceLocation],
                              directory: URL) throws -> (stage: any Stage, outputs: [String]?) {
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
        var outputs: [String]?
        if let limit = values["outputs"] {
            guard case .sequence(let names) = limit, let list = Optional(names.compactMap(\.scalarText)),
                  list.count == names.count, !list.isEmpty else {
                throw Diagnostic.error("`outputs` of stage `\(name)` is a list of output names, like [email]",
                                       at: locations["\(path).\(name).outputs"] ?? at)
            }
            outputs = list
            values["outputs"] = nil
        }
        var optionLocations: [String: SourceLocation] = [:]
        for key in values.keys { optionLocations[key] = locations["\(path).\(name).\(key)"] }
        let settings = Settings(owner: "stage `\(name)`", values: values, locations: optionLocations, at: at)
        if StageRegistry.stage(named: name) == nil, values["command"] != nil {
            return (try ExternalStage(options: settings, directory: directory), outputs)
        }
        guard let type = StageRegistry.stage(named: name) else {
            var message = "there is no stage `\(name)`"
            if let near = Spelling.nearest(to: name, among: StageRegistry.names) { message += " (did you mean `\(near)`?)" }
            throw Diagnostic.error(message + "; the stages are: " + StageRegistry.names.joined(separator: ", ")
                                   + ", or any name with a `command` option", at: at)
        }
        return (try type.init(options: settings), outputs)
    }

    public var names: [String] { stages.map { type(of: $0).name } }

    /// Every output some stage is limited to.
    public var limitedOutputs: Set<String> { Set(limits.compactMap { $0 }.joined()) }

    /// The stages that run for every output, in order.
    public var shared: StageList { filtered { $0 == nil } }

    /// The stages limited to `output` (and no others), in order.
    public func limited(to output: String) -> StageList { filtered { $0?.contains(output) == true } }

    private func filtered(_ keep: ([String]?) -> Bool) -> StageList {
        var list = StageList()
        for (stage, limit) in zip(stages, limits) where keep(limit) {
            list.stages.append(stage)
            list.limits.append(limit)
        }
        return list
    }

    /// Runs the stages that are not limited to some outputs over
    /// `document`, in order; returns the warnings.
    public func run(_ document: inout Document, source: SourceLines) -> [Diagnostic] {
        var context = StageContext(source: source)
        for (stage, limit) in zip(stages, limits) where limit == nil {
            stage.run(&document, context: &context)
        }
        return context.diagnostics
    }

    /// Runs every stage, limited or not, in order.
    public func runAll(_ document: inout Document, source: SourceLines) -> [Diagnostic] {
        var context = StageContext(source: source)
        for stage in stages {
            stage.run(&document, context: &context)
        }
        return context.diagnostics
    }
}
