import ArgumentParser
import Foundation
import PublishAST
import PublishPipeline
import PublishReader

/// `publish build` (and plain `publish`): the whole site, in every enabled
/// format, into the output folder, swapped into place when done.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site in every enabled format (the default command).")

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

    @Flag(name: .shortAndLong, help: "Print errors only.")
    var quiet = false

    func run() throws {
        let sourceURL = URL(fileURLWithPath: source).standardizedFileURL
        let outputURL = output.map { URL(fileURLWithPath: $0) } ?? sourceURL.appendingPathComponent("_site")
        var report = Report(quiet: quiet)
        let project: Project
        do {
            project = try Project(source: sourceURL, pipelineFile: pipeline.map { URL(fileURLWithPath: $0) })
        } catch let diagnostic as Diagnostic {
            report.add([diagnostic])
            throw ExitCode.failure
        }
        for name in format where EmitterRegistry.emitter(named: name) == nil {
            report.add([.error("there is no output format `\(name)`; the formats are: "
                               + EmitterRegistry.names.joined(separator: ", "))])
            throw ExitCode.failure
        }
        var loader = SiteLoader(source: sourceURL, config: project.site, pipeline: project.markdown)
        loader.includeDrafts = drafts
        loader.includeFuture = future
        let (site, loadDiagnostics) = loader.load()
        report.add(loadDiagnostics)

        let folder = try OutputFolder(destination: outputURL)
        let chosen = project.outputs.filter { format.isEmpty ? $0.enabled : format.contains($0.name) }
        for output in chosen {
            do {
                report.add(try output.emitter.emit(site, to: folder))
            } catch let diagnostic as Diagnostic {
                report.add([diagnostic])
            }
        }
        if !format.isEmpty { try folder.keepPrevious() }
        try folder.commit()
        report.summary("built \(site.posts.count) posts and \(site.pages.count) pages "
                       + "(\(chosen.map { $0.name }.joined(separator: ", "))) into \(outputURL.path)")
        if report.hasErrors { throw ExitCode.failure }
    }
}

/// Diagnostics as they come, then a closing line; remembers whether any
/// was an error, for the exit status.
struct Report {
    let quiet: Bool
    private(set) var hasErrors = false

    init(quiet: Bool) {
        self.quiet = quiet
    }

    mutating func add(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics {
            if diagnostic.severity == .error { hasErrors = true }
            if diagnostic.severity == .error || !quiet { Diagnostics.report(diagnostic) }
        }
    }

    func summary(_ line: String) {
        if !quiet { FileHandle.standardError.write(Data("publish: \(line)\n".utf8)) }
    }
}
