import Foundation
import PublishAST
import PublishAtom
import PublishHTML
import PublishPipeline
import PublishReader
import PublishStages
import PublishWriters

/// A site folder's whole configuration: the built-in pipeline, the site's
/// `publish.yml` (or another named file) over it, and Jekyll's
/// `_config.yml` for the site keys neither sets.
struct Project {
    var site: SiteConfig
    var markdown: MarkdownPipeline
    var outputs: [Output]

    struct Output {
        var name: String
        var enabled: Bool
        var emitter: any Emitter
    }

    /// Refuses a folder that is no site, before anything is read or written
    /// there: run in the wrong folder (a home or a temporary folder), a build
    /// would take in every `.md` below it and write `_site` beside them.
    static func requireSite(at source: URL, pipelineFile: String?) throws {
        guard pipelineFile == nil else { return }
        let markers = ["_config.yml", "_config.yaml", "publish.yml", "_posts"]
        let manager = FileManager.default
        guard !markers.contains(where: { manager.fileExists(atPath: source.appendingPathComponent($0).path) }) else { return }
        var isFolder: ObjCBool = false
        let exists = manager.fileExists(atPath: source.path, isDirectory: &isFolder)
        throw Diagnostic.error(exists && isFolder.boolValue
            ? "this folder is not a site: it has no _config.yml, publish.yml or _posts folder; run publish in your site's folder, or name it with --source"
            : "there is no folder here to build", at: SourceLocation(path: source.path, position: .unknown))
    }

    /// Whether posts get kramdown's smart quotes and typographic symbols:
    /// Jekyll's Markdown is kramdown unless `markdown:` names another
    /// converter, and kramdown makes them unless `kramdown: smart_quotes:`
    /// is false.
    static func kramdownSmartQuotes(_ config: YAMLMapping, isJekyllSite: Bool) -> Bool {
        guard isJekyllSite else { return false }
        if let converter = config["markdown"]?.scalarText, converter.lowercased() != "kramdown" { return false }
        if case .mapping(let kramdown)? = config["kramdown"], case .bool(false)? = kramdown["smart_quotes"] { return false }
        return true
    }

    /// The options of the `heading-ids` stage that a Jekyll site's
    /// `kramdown:` block sets: `auto_ids` (on unless false) and
    /// `auto_id_prefix`, which kramdown puts before every id it makes.
    static func kramdownHeadingIDs(_ config: YAMLMapping) -> YAMLMapping {
        var options = YAMLMapping()
        guard case .mapping(let kramdown)? = config["kramdown"] else { return options }
        if case .bool(false)? = kramdown["auto_ids"] { options["generate"] = .bool(false) }
        if let prefix = kramdown["auto_id_prefix"]?.scalarText, !prefix.isEmpty { options["prefix"] = .string(prefix) }
        return options
    }

    /// The options of the `highlight` stage that the site's configuration
    /// sets: `highlight: false`, or `highlight: {line_numbers: true}`; on a
    /// Jekyll site also kramdown's `syntax_highlighter: null` (or `none`),
    /// `syntax_highlighter_opts: {disable: true}` and
    /// `syntax_highlighter_opts: {block: {line_numbers: true}}`.
    static func highlightOptions(_ config: YAMLMapping, isKramdown: Bool) -> YAMLMapping {
        var options = YAMLMapping()
        switch config["highlight"] {
        case .bool(false)?:
            options["enabled"] = .bool(false)
        case .mapping(let highlight)?:
            if case .bool(let on)? = highlight["line_numbers"] { options["line_numbers"] = .bool(on) }
        default:
            break
        }
        guard isKramdown, case .mapping(let kramdown)? = config["kramdown"] else { return options }
        if kramdown.keys.contains("syntax_highlighter") {
            switch kramdown["syntax_highlighter"] {
            case .null?, .bool(false)?: options["enabled"] = .bool(false)
            case .string(let name)? where ["none", "nil", "null", ""].contains(name.lowercased()): options["enabled"] = .bool(false)
            default: break
            }
        }
        if case .mapping(let opts)? = kramdown["syntax_highlighter_opts"] {
            if case .bool(true)? = opts["disable"] { options["enabled"] = .bool(false) }
            if case .mapping(let block)? = opts["block"], case .bool(let on)? = block["line_numbers"],
               options["line_numbers"] == nil {
                options["line_numbers"] = .bool(on)
            }
        }
        return options
    }

    /// Every unknown key and bad option of the pipeline file is reported
    /// in one run: a key the schema does not know is left out and the
    /// rest still checked, each output's block on its own.
    ///
    /// - Throws: a `Diagnostic` located at the key at fault, or a
    ///   `DiagnosticList` of several.
    init(source: URL, pipelineFile: URL?) throws {
        var file = try PipelineFile.builtIn(outputs: EmitterRegistry.names)
        var problems: [Diagnostic] = []
        let own = pipelineFile ?? source.appendingPathComponent("publish.yml")
        if let data = FileManager.default.contents(atPath: own.path) {
            let path = pipelineFile?.path ?? "publish.yml"
            file = file.overlaid(with: try PipelineFile(text: String(decoding: data, as: UTF8.self), path: path,
                                                        outputs: EmitterRegistry.names, unknownKeys: &problems))
        } else if let pipelineFile {
            throw Diagnostic.error("cannot read the pipeline file", at: SourceLocation(path: pipelineFile.path, position: .unknown))
        }
        var siteKeys = YAMLMapping()
        var siteLocations: [String: SourceLocation] = [:]
        let jekyll = source.appendingPathComponent("_config.yml")
        if let data = FileManager.default.contents(atPath: jekyll.path) {
            let config = try YAMLReader.readLocated(String(decoding: data, as: UTF8.self), path: "_config.yml",
                                                    subject: "Jekyll configuration")
            if case .mapping(let keys) = config.value { siteKeys = keys }
            siteLocations = config.keys
        }
        for section in ["site", "source"] {
            for entry in file.section(section) where !["posts", "drafts"].contains(entry.key) || section == "site" {
                siteKeys[entry.key] = entry.value
                siteLocations[entry.key] = file.location(of: "\(section).\(entry.key)")
            }
        }
        site = try SiteConfig(jekyllConfig: .mapping(siteKeys), path: "_config.yml", locations: siteLocations)
        // A page's <title> may not be empty; a site without a title is named after its folder.
        if site.title.isEmpty {
            site.title = source.lastPathComponent
            site.titleIsFolderName = true
        }
        let isJekyllSite = FileManager.default.fileExists(atPath: jekyll.path)
        site.isKramdown = isJekyllSite && (siteKeys["markdown"]?.scalarText.map { $0.lowercased() == "kramdown" } ?? true)
        if site.isKramdown { file = file.withStageDefaults("heading-ids", Project.kramdownHeadingIDs(siteKeys)) }
        file = file.withStageDefaults("highlight", Project.highlightOptions(siteKeys, isKramdown: site.isKramdown))
        do {
            markdown = try MarkdownPipeline(file: file, directory: source)
        } catch {
            problems += Diagnostic.all(in: error)
            markdown = MarkdownPipeline(dialect: .gfm, stages: StageList())
        }
        markdown.smartPunctuation = Project.kramdownSmartQuotes(siteKeys, isJekyllSite: isJekyllSite)
        let names = Set(file.section("outputs").keys)
        for name in markdown.stages.limitedOutputs.sorted() where !names.contains(name) {
            problems.append(.error("a stage is limited to the output `\(name)`, which is not one of: "
                                   + names.sorted().joined(separator: ", "), at: file.location(of: "stages")))
        }
        outputs = file.section("outputs").entries.compactMap { entry in
            do {
                return try Project.output(entry.key, entry.value, of: file, source: source)
            } catch {
                problems += Diagnostic.all(in: error)
                return nil
            }
        }
        do {
            try readPipelineOnlyKeys(of: file)
        } catch {
            problems += Diagnostic.all(in: error)
        }
        try DiagnosticList.throwIfAny(problems)
        announceFeeds()
    }

    /// One output from its block under `outputs`.
    ///
    /// - Throws: a `Diagnostic`, or a `DiagnosticList` of several, located
    ///   in the block.
    private static func output(_ name: String, _ block: YAMLValue, of file: PipelineFile, source: URL) throws -> Output {
        let entry = (key: name, value: block)
        guard case .mapping(var options) = entry.value else {
            throw Diagnostic.error("`outputs.\(entry.key)` must be a mapping of options",
                                   at: file.location(of: "outputs.\(entry.key)"))
        }
        var enabled = true
        if let flag = options["enabled"] {
            guard case .bool(let value) = flag else {
                throw Diagnostic.error("`enabled` must be true or false", at: file.location(of: "outputs.\(entry.key).enabled"))
            }
            enabled = value
            options["enabled"] = nil
        }
        do {
            // Every key below the block, nested ones by dotted path (`smtp.url`).
            let prefix = "outputs.\(entry.key)."
            var locations: [String: SourceLocation] = [:]
            for (path, location) in file.keys where path.hasPrefix(prefix) {
                locations[String(path.dropFirst(prefix.count))] = location
            }
            let settings = Settings(owner: "output `\(entry.key)`", values: options, locations: locations,
                                    at: file.location(of: "outputs.\(entry.key)"))
            let emitter: any Emitter
            if let type = EmitterRegistry.emitter(named: entry.key) {
                emitter = try type.init(options: settings)
            } else {
                emitter = try ExternalOutput(name: entry.key, options: settings, directory: source)
            }
            return Output(name: entry.key, enabled: enabled, emitter: emitter)
        } catch {
            throw DiagnosticList(Diagnostic.all(in: error).map { diagnostic in
                var located = diagnostic
                located.location = located.location ?? file.location(of: "outputs.\(entry.key)")
                return located
            })
        }
    }

    /// Pages name the site's Atom feed in their head, for feed readers and
    /// browsers to find, when the atom output is on.
    private mutating func announceFeeds() {
        guard let atom = outputs.first(where: { $0.enabled && $0.emitter is AtomEmitter })?.emitter as? AtomEmitter,
              let index = outputs.firstIndex(where: { $0.emitter is HTMLEmitter }),
              var html = outputs[index].emitter as? HTMLEmitter else { return }
        html.announceFeed(title: site.title, path: atom.path)
        outputs[index].emitter = html
    }

    /// Keys only a pipeline file sets (a `_config.yml` may use the same
    /// names for its own ends): the posts and drafts folders, raw HTML.
    private mutating func readPipelineOnlyKeys(of file: PipelineFile) throws {
        for (key, path) in [("posts", \SiteConfig.postsFolder), ("drafts", \SiteConfig.draftsFolder)] {
            guard let value = file.section("source")[key] else { continue }
            guard let folder = value.scalarText, !folder.isEmpty, !folder.contains("/") else {
                throw Diagnostic.error("`source.\(key)` is the name of a folder, like _\(key)",
                                       at: file.location(of: "source.\(key)"))
            }
            site[keyPath: path] = folder
        }
        if let value = file.section("markdown")["raw_html"] {
            guard let raw = value.scalarText, HTMLOptions.RawHTML(rawValue: raw) != nil else {
                throw Diagnostic.error("`markdown.raw_html` is one of: "
                                       + HTMLOptions.RawHTML.allCases.map(\.rawValue).joined(separator: ", "),
                                       at: file.location(of: "markdown.raw_html"))
            }
            site.rawHTML = raw
        }
    }
}
