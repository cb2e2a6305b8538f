import ArgumentParser
import Foundation
import NIOCore
import NIOPosix

/// `publish serve`: build, serve on 127.0.0.1, rebuild when a source file
/// changes, and reload the open pages.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build the site, serve it on 127.0.0.1, rebuild on change and reload the page.")

    @OptionGroup var options: BuildOptions

    @Option(help: "The port to serve on.")
    var port: Int = 4000

    /// The outputs built before pages reload: the HTML site and the feeds
    /// its pages name in their head. The EPUB books, the email previews
    /// and outputs with a `command` follow, so `_site` is whole again a
    /// moment later. Hugo's server renders first what the browser shows
    /// (its fast render mode) for the same reason: a save should reach the
    /// page in the time the HTML takes, not the time of every format.
    static let firstOutputs: Set<String> = ["html", "atom"]

    func run() throws {
        // A parent may have started us with these blocked or ignored; Ctrl-C
        // and `kill` must always stop the server.
        var stopping = sigset_t()
        sigemptyset(&stopping)
        sigaddset(&stopping, SIGINT)
        sigaddset(&stopping, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &stopping, nil)
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
        let server = PreviewServer(root: options.outputURL)
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        // The port first: one in use is said at once, not after a build.
        let channel: Channel
        do {
            channel = try server.start(port: port, group: group)
        } catch {
            Diagnostics.report(.error("cannot serve on 127.0.0.1:\(port) (\(error)); another server may be using "
                                      + "the port: stop it, or name another with --port"))
            try? group.syncShutdownGracefully()
            throw ExitCode.failure
        }
        let warnings = ShownMessages()
        // Taken before building: a file saved while the build runs is built again.
        var seen = SourceSnapshot(of: options.sourceURL, ignoring: options.outputURL)
        build(for: server, warnings: warnings) {
            FileHandle.standardError.write(Data(
                "publish: serving \(options.outputURL.path) at http://127.0.0.1:\(port)/ (Ctrl-C stops)\n".utf8))
        }
        while channel.isActive {
            Thread.sleep(forTimeInterval: 0.5)
            let now = SourceSnapshot(of: options.sourceURL, ignoring: options.outputURL)
            guard now != seen else { continue }
            seen = now
            build(for: server, warnings: warnings)
        }
    }

    /// Builds the pages, has them reload (`afterPages` runs then), and
    /// builds the other outputs; with `--format`, only those, at once.
    /// Each warning is printed the first time only; an error once a round.
    private func build(for server: PreviewServer, warnings: ShownMessages, afterPages: () -> Void = {}) {
        let passes: [BuildOptions.Pass] = options.format.isEmpty
            ? [.only(ServeCommand.firstOutputs), .except(ServeCommand.firstOutputs)] : [.all]
        let errorsShown = ShownMessages()
        var errors: [String] = []
        for (index, pass) in passes.enumerated() {
            var report = Report(quiet: options.quiet, verbose: options.verbose, warningsShown: warnings,
                                errorsShown: errorsShown)
            _ = options.build(report: &report, pass: pass)
            let before = errors
            for error in report.errors.map(\.description) where !errors.contains(error) { errors.append(error) }
            // The pages reload after the first pass, and again only if a
            // later one found errors they should show.
            if index == 0 || errors != before { server.announceBuild(errors: errors) }
            if index == 0 { afterPages() }
            if report.nothingBuilt { break }
        }
    }
}

/// Every file of a site folder with its size and modification time, to
/// notice a change by polling: portable, and cheap for a blog's few
/// thousand files.
struct SourceSnapshot: Equatable {
    private var files: [String: [Double]] = [:]

    init(of folder: URL, ignoring output: URL) {
        let skip = output.standardizedFileURL.path
        guard let walker = FileManager.default.enumerator(
            at: folder, includingPropertiesForKeys: [.contentModificationDateKey, .fileSizeKey],
            options: [.skipsHiddenFiles]) else { return }
        for case let url as URL in walker {
            let path = url.standardizedFileURL.path
            if path.hasPrefix(skip) || url.lastPathComponent.hasPrefix(".") {
                walker.skipDescendants()
                continue
            }
            let values = try? url.resourceValues(forKeys: [.contentModificationDateKey, .fileSizeKey])
            files[path] = [values?.contentModificationDate?.timeIntervalSince1970 ?? 0, Double(values?.fileSize ?? 0)]
        }
    }
}
