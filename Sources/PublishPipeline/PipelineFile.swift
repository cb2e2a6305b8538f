import Foundation
import PublishAST
import PublishDefaults
import PublishReader

/// A pipeline file: `pipelines/default.yml`, built in, with a site's
/// `publish.yml` (or `--pipeline FILE`) laid over it key by key. Every key
/// is checked against the schema, so a typo is an error at its line with
/// the nearest valid key, never silently ignored.
///
/// ```yaml
/// site: {title, description, url, baseurl, author, language, timezone, permalink, excerpt_separator}
/// source: {posts: _posts, drafts: _drafts, exclude: [paths], include: [paths]}
/// markdown: {dialect: gfm | commonmark, raw_html: known | keep | escape | drop}
/// stages: [names, or name: {options}]
/// outputs: {NAME: {enabled: true | false, options of that output}}
/// ```
public struct PipelineFile: Sendable {
    public private(set) var value: YAMLMapping
    /// Where each key was written, by dotted path, in whichever file set it.
    public private(set) var keys: [String: SourceLocation]

    static let sections: [String: [String]?] = [
        "site": ["title", "description", "url", "baseurl", "author", "language", "lang", "timezone", "permalink",
                 "excerpt_separator", "highlight"],
        "source": ["posts", "drafts", "exclude", "include"],
        "markdown": ["dialect", "raw_html"],
        "stages": nil,
        "outputs": nil,
    ]

    /// The built-in defaults alone.
    public static func builtIn(outputs: [String]? = nil) throws -> PipelineFile {
        try PipelineFile(text: Defaults.pipeline, path: "pipelines/default.yml", outputs: outputs)
    }

    /// Reads and checks one file. `outputs` are the names an `outputs`
    /// block may have (nil: any).
    ///
    /// - Throws: a `Diagnostic`, or a `DiagnosticList` naming every
    ///   unknown key when there are several.
    public init(text: String, path: String, outputs: [String]?) throws {
        var problems: [Diagnostic] = []
        try self.init(text: text, path: path, outputs: outputs, unknownKeys: &problems)
        try DiagnosticList.throwIfAny(problems)
    }

    /// Reads one file, adding each unknown key to `unknownKeys` and leaving
    /// it out, instead of stopping at the first: a caller that checks more
    /// (the options of each output) reports every problem in one run, not
    /// one per run.
    ///
    /// - Throws: a `Diagnostic` for a file that is no YAML mapping.
    public init(text: String, path: String, outputs: [String]?, unknownKeys: inout [Diagnostic]) throws {
        let located = try YAMLReader.readLocated(text, path: path, subject: "pipeline file")
        let file = SourceLocation(path: path, line: 1, column: 1)
        switch located.value {
        case .mapping(let mapping): value = mapping
        case .null: value = YAMLMapping()
        default: throw Diagnostic.error("a pipeline file is a mapping of sections", at: file)
        }
        keys = located.keys
        unknownKeys += dropUnknownKeys(outputs: outputs)
    }

    /// Every key the schema does not know, in the file's order, each
    /// removed from `value`.
    private mutating func dropUnknownKeys(outputs: [String]?) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for (section, content) in value.entries.map({ ($0.key, $0.value) }) {
            guard let allowed = PipelineFile.sections[section] else {
                problems.append(unknown(section, at: section, among: PipelineFile.sections.keys.sorted(), kind: "section"))
                value[section] = nil
                continue
            }
            if let allowed, case .mapping(var fields) = content {
                for key in fields.keys where !allowed.contains(key) {
                    problems.append(unknown(key, at: "\(section).\(key)", among: allowed, kind: "key of `\(section)`"))
                    fields[key] = nil
                }
                value[section] = .mapping(fields)
            }
            if section == "outputs", let outputs, case .mapping(var blocks) = content {
                for entry in blocks where !outputs.contains(entry.key) {
                    let name = entry.key
                    if case .mapping(let block) = entry.value, block["command"] != nil { continue }
                    problems.append(unknown(name, at: "outputs.\(name)", among: outputs,
                                            kind: "output (an external one needs a `command`)"))
                    blocks[name] = nil
                }
                value[section] = .mapping(blocks)
            }
        }
        return problems
    }

    private func unknown(_ key: String, at path: String, among known: [String], kind: String) -> Diagnostic {
        var message = "unknown \(kind) `\(key)`"
        if let near = Spelling.nearest(to: key, among: known) { message += " (did you mean `\(near)`?)" }
        return .error(message + "; valid: " + known.joined(separator: ", "), at: keys[path])
    }

    /// This file with `other` laid over it: mappings merge key by key, any
    /// other value (a list of stages, say) is replaced whole.
    public func overlaid(with other: PipelineFile) -> PipelineFile {
        var result = self
        result.value = PipelineFile.merge(value, other.value)
        result.keys.merge(other.keys) { _, new in new }
        return result
    }

    private static func merge(_ base: YAMLMapping, _ top: YAMLMapping) -> YAMLMapping {
        // Recurses once per level of nesting, which the YAML reader caps at 128.
        var result = base
        for entry in top {
            if case .mapping(let old)? = result[entry.key], case .mapping(let new) = entry.value {
                result[entry.key] = .mapping(merge(old, new))
            } else {
                result[entry.key] = entry.value
            }
        }
        return result
    }

    /// This file with `defaults` given to every stage named `name` in its
    /// `stages` list, for the options the file does not set itself: how a
    /// Jekyll site's `kramdown:` block reaches the stages that do its work.
    public func withStageDefaults(_ name: String, _ defaults: YAMLMapping) -> PipelineFile {
        guard !defaults.isEmpty, case .sequence(let entries)? = value["stages"] else { return self }
        var result = self
        result.value["stages"] = .sequence(entries.map { entry in
            var options = YAMLMapping()
            switch entry {
            case .string(name): break
            case .mapping(let mapping) where mapping.count == 1 && mapping.keys[0] == name:
                if case .mapping(let own)? = mapping[name] { options = own }
            default: return entry
            }
            for option in defaults where options[option.key] == nil { options[option.key] = option.value }
            var stage = YAMLMapping()
            stage[name] = .mapping(options)
            return .mapping(stage)
        })
        return result
    }

    /// Where `path` was written, for a diagnostic about its value.
    public func location(of path: String) -> SourceLocation? { keys[path] }

    public func section(_ name: String) -> YAMLMapping {
        if case .mapping(let mapping)? = value[name] { return mapping }
        return YAMLMapping()
    }
}
