import ArgumentParser
import Foundation
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
        var report = Report(quiet: options.quiet, verbose: options.verbose)
        _ = options.build(report: &report)
        let server = PreviewServer(root: options.outputURL)
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let channel = try server.start(port: port, group: group)
        FileHandle.standardError.write(Data("publish: serving \(options.outputURL.path) at http://127.0.0.1:\(port)/ (Ctrl-C stops)\n".utf8))
        var seen = SourceSnapshot(of: options.sourceURL, ignoring: options.outputURL)
        while channel.isActive {
            Thread.sleep(forTimeInterval: 0.5)
            let now = SourceSnapshot(of: options.sourceURL, ignoring: options.outputURL)
            guard now != seen else { continue }
            seen = now
            var rebuild = Report(quiet: options.quiet, verbose: options.verbose)
            _ = options.build(report: &rebuild)
            server.announceBuild()
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
