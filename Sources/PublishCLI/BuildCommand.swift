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

    /// Builds the site once. Returns false when any error was reported;
    /// the previous output is then still replaced by what could be built,
    /// unless the configuration itself was at fault.
    func build(report: inout Report) -> Bool {
        let project: Project
        do {
            try Project.requireSite(at: sourceURL, pipelineFile: pipeline)
            project = try Project(source: sourceURL, pipelineFile: pipeline.map { URL(fileURLWithPath: $0) })
        } catch let diagnostic as Diagnostic {
            report.add([diagnostic])
            return false
        } catch {
            report.add([.error("\(error)")])
            return false
        }
        for name in format where !project.outputs.contains(where: { $0.name == name }) {
            report.add([.error("there is no output format `\(name)`; the formats are: "
                               + project.outputs.map(\.name).joined(separator: ", "))])
            return false
        }
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
        let (site, loadDiagnostics) = loader.load()
        report.add(loadDiagnostics)
        let chosen = project.outputs.filter { format.isEmpty ? $0.enabled : format.contains($0.name) }
        let files: (rendered: Int, reused: Int)
        do {
            let folder = try OutputFolder(destination: outputURL, cache: cache)
            report.progress("writing \(chosen.map { $0.name }.joined(separator: ", ")) for \(site.posts.count) posts…")
            var jobs: [(name: String, emitter: any Emitter, site: Site)] = []
            for output in chosen {
                let (view, diagnostics) = site.applying(project.markdown.stages.limited(to: output.name))
                report.add(diagnostics)
                jobs.append((output.name, output.emitter, view))
            }
            report.add(Emitters.run(jobs, into: folder))
            if !format.isEmpty { try folder.keepPrevious(except: Set(chosen.map(\.name))) }
            try folder.commit()
            files = folder.fileCounts
        } catch {
            report.add([.error("cannot write \(outputURL.path): \(error)")])
            return false
        }
        if let cache {
            do {
                try cache.save(destination: URL(fileURLWithPath: outputURL.path).standardizedFileURL)
            } catch {
                report.add([.warning("cannot write the build cache in \(cache.folder.path) (\(error.localizedDescription)); "
                                     + "the next build reads every post again")])
            }
        }
        func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }
        var reuse = ""
        if let cache {
            let posts = cache.postCounts
            reuse = "; \(count(posts.parsed, "post file")) read, \(posts.recalled) from the cache"
        }
        report.summary("built \(count(site.posts.count, "post")) and \(count(site.pages.count, "page")) "
                       + "(\(chosen.map { $0.name }.joined(separator: ", "))) into \(outputURL.path): "
                       + "rendered \(count(files.rendered, "file")), reused \(files.reused)\(reuse)")
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

/// Diagnostics as they come, then a closing line; remembers whether any
/// was an error, for the exit status.
struct Report {
    let quiet: Bool
    var verbose = false
    private(set) var hasErrors = false
    private let started = Date()
    /// A progress line is shown only to a person at a terminal.
    private let isTerminal = isatty(STDERR_FILENO) != 0
    private var progressShown = false

    init(quiet: Bool, verbose: Bool = false) {
        self.quiet = quiet
        self.verbose = verbose
    }

    /// Replaces the progress line on a terminal; prints nothing elsewhere.
    mutating func progress(_ text: String) {
        guard isTerminal, !quiet else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[2Kpublish: \(text)".utf8))
        progressShown = true
    }

    private mutating func clearProgress() {
        guard progressShown else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
        progressShown = false
    }

    mutating func add(_ diagnostics: [Diagnostic]) {
        if !diagnostics.isEmpty { clearProgress() }
        for diagnostic in diagnostics {
            if diagnostic.severity == .error { hasErrors = true }
            if diagnostic.severity == .error || !quiet { Diagnostics.report(diagnostic) }
        }
    }

    mutating func summary(_ line: String) {
        clearProgress()
        guard !quiet else { return }
        let seconds = verbose ? String(format: " in %.2f s", Date().timeIntervalSince(started)) : ""
        FileHandle.standardError.write(Data("publish: \(line)\(seconds)\n".utf8))
    }
}
