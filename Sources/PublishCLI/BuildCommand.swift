import ArgumentParser
import Foundation
import PublishAST
import PublishPipeline
import PublishReader

/// What `build` and `serve` share: where the site is and what to build.
struct BuildOptions: ParsableArguments {
    @Option(help: "The site folder.")
    var source: String = "."

    @Option(help: "Where the site is written; default SOURCE/_site.")
    var output: String?

    @Option(help: ArgumentHelp("Build only this format (repeatable).", valueName: "format"))
    var format: [String] = []

    @Option(help: ArgumentHelp("A pipeline file to use instead of SOURCE/publish.yml.", valueName: "file"))
    var pipeline: String?

    @Flag(help: "Include the drafts in _drafts.")
    var drafts = false

    @Flag(help: "Include posts dated in the future.")
    var future = false

    @Flag(help: "Ignore the build cache in SOURCE/.publish-cache: read every post and render every file.")
    var noCache = false

    @Flag(name: .shortAndLong, help: "Print errors only.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Also print how long each step took.")
    var verbose = false

    var sourceURL: URL { URL(fileURLWithPath: source).standardizedFileURL }
    var outputURL: URL { output.map { URL(fileURLWithPath: $0) } ?? sourceURL.appendingPathComponent("_site") }

    /// Which of the enabled outputs a build makes: `serve` builds the
    /// pages first, then the rest.
    enum Pass: Equatable {
        /// Those `--format` names, or every enabled output.
        case all
        /// The enabled outputs of these names.
        case only(Set<String>)
        /// The enabled outputs of other names.
        case except(Set<String>)
    }

    /// Builds the site once. Returns false when any error was reported;
    /// the previous output is then still replaced by what could be built,
    /// unless the configuration itself was at fault. A pass of some
    /// outputs keeps the other outputs' files, as `--format` does.
    func build(report: inout Report, pass: Pass = .all) -> Bool {
        let project: Project
        do {
            project = try report.timed("configuration") {
                try Project.requireSite(at: sourceURL, pipelineFile: pipeline)
                return try Project(source: sourceURL, pipelineFile: pipeline.map { URL(fileURLWithPath: $0) })
            }
        } catch {
            report.add(Diagnostic.all(in: error))
            report.nothingBuilt = true
            report.summary("nothing built")
            return false
        }
        for name in format where !project.outputs.contains(where: { $0.name == name }) {
            report.add([.error("there is no output format `\(name)`; the formats are: "
                               + project.outputs.map(\.name).joined(separator: ", "))])
            report.nothingBuilt = true
            report.summary("nothing built")
            return false
        }
        let chosen = project.outputs.filter { output in
            switch pass {
            case .all: format.isEmpty ? output.enabled : format.contains(output.name)
            case .only(let names): output.enabled && names.contains(output.name)
            case .except(let names): output.enabled && !names.contains(output.name)
            }
        }
        guard !chosen.isEmpty || pass == .all else { return true }
        report.progress("reading \(sourceURL.lastPathComponent)…")
        var config = project.site
        // An output folder inside the source is never read back as static files.
        let base = sourceURL.path.hasSuffix("/") ? sourceURL.path : sourceURL.path + "/"
        if outputURL.standardizedFileURL.path.hasPrefix(base) {
            config.exclude.append(String(outputURL.standardizedFileURL.path.dropFirst(base.count)))
        }
        let cache = noCache ? nil : openCache(project: project)
        var loader = SiteLoader(source: sourceURL, config: config, pipeline: project.markdown)
        loader.includeDrafts = drafts
        loader.includeFuture = future
        loader.cache = cache
        let (site, loadDiagnostics) = report.timed("read") { loader.load() }
        report.add(loadDiagnostics)
        let files: (rendered: Int, reused: Int)
        do {
            let folder = try OutputFolder(destination: outputURL, cache: cache)
            report.progress("writing \(chosen.map { $0.name }.joined(separator: ", ")) for \(site.posts.count) posts…")
            var jobs: [(name: String, emitter: any Emitter, site: Site)] = []
            for output in chosen {
                let (view, diagnostics) = report.timed("stages for \(output.name)") {
                    site.applying(project.markdown.stages.limited(to: output.name))
                }
                report.add(diagnostics)
                jobs.append((output.name, output.emitter, view))
            }
            let emitted = Emitters.timed(jobs, into: folder)
            for (job, seconds) in zip(jobs, emitted.seconds) { report.phase("emit \(job.name)", seconds: seconds) }
            report.add(emitted.diagnostics)
            try report.timed("write") {
                if !format.isEmpty || pass != .all { try folder.keepPrevious(except: Set(chosen.map(\.name))) }
                try folder.commit()
            }
            files = folder.fileCounts
        } catch {
            report.add([.error("cannot write \(outputURL.path): \(error)")])
            report.summary("nothing written")
            return false
        }
        if let cache {
            do {
                try report.timed("cache") { try cache.save(destination: URL(fileURLWithPath: outputURL.path).standardizedFileURL) }
            } catch {
                report.add([.warning("cannot write the build cache in \(cache.folder.path) (\(error.localizedDescription)); "
                                     + "the next build reads every post again")])
            }
        }
        var reuse = ""
        if let cache {
            let posts = cache.postCounts
            reuse = "; \(Report.count(posts.parsed, "post file")) read, \(posts.recalled) from the cache"
        }
        report.summary("built \(Report.count(site.posts.count, "post")) and \(Report.count(site.pages.count, "page")) "
                       + "(\(chosen.map { $0.name }.joined(separator: ", "))) into \(outputURL.path): "
                       + "rendered \(Report.count(files.rendered, "file")), reused \(files.reused)\(reuse)",
                       leftOut: site.leftOut)
        return !report.hasErrors
    }
}

extension BuildOptions {
    /// The site's build cache, or nil when it cannot vouch for this build
    /// (a stage runs an outside command). A cache folder that cannot be
    /// read is as good as none; one that cannot be written is reported
    /// when the build ends.
    func openCache(project: Project) -> BuildCache? {
        let folder = sourceURL.appendingPathComponent(".publish-cache")
        guard let fingerprint = CacheFingerprint.make(project: project, source: sourceURL,
                                                      pipelineFile: pipeline.map { URL(fileURLWithPath: $0) },
                                                      cacheFolder: folder) else { return nil }
        return BuildCache(folder: folder, fingerprint: fingerprint)
    }
}

/// `publish build` (and plain `publish`): the whole site, in every enabled
/// format, into the output folder, swapped into place when done.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site in every enabled format (the default command).")

    @OptionGroup var options: BuildOptions

    func run() throws {
        var report = Report(quiet: options.quiet, verbose: options.verbose)
        guard options.build(report: &report) else { throw ExitCode.failure }
    }
}

