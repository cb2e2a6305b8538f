import ArgumentParser
import Dispatch
import Foundation
import NIOPosix
import PublishAST
import PublishDelivery
import PublishEmail

/// `publish unsubscribe-server`: the endpoint the newsletter's unsubscribe
/// links and one-click POSTs (RFC 8058) reach, served over plain HTTP for
/// the site's https proxy to forward to. Reads the site's title and the
/// name of the environment variable holding the token secret from the
/// project; stops on SIGINT or SIGTERM. Slow and greedy clients meet the
/// limits of `ConnectionLimitOptions`.
struct UnsubscribeServerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unsubscribe-server",
        abstract: "Serve the newsletter's one-click unsubscribe endpoint (put it behind an https proxy).")

    @Option(help: "The site folder.")
    var source: String = "."

    @OptionGroup var database: DatabaseOption

    @Option(help: ArgumentHelp("A pipeline file to use instead of SOURCE/publish.yml.", valueName: "file"))
    var pipeline: String?

    @Option(help: "The address to listen on.")
    var host: String = "127.0.0.1"

    @Option(help: "The port to listen on; 0 picks a free one.")
    var port: Int = 8025

    @OptionGroup var limits: ConnectionLimitOptions

    func run() throws {
        let server = UnsubscribeServer(endpoint: try SubscribersCommand.reporting(endpoint), limits: limits.limits)
        // SIGINT and SIGTERM stop the server cleanly. Threads already run
        // (the command line is asynchronous), so the signals are turned
        // into events rather than waited for with a mask.
        let stopped = DispatchSemaphore(value: 0)
        let sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { stopped.signal() }
            source.resume()
            return source
        }
        defer { sources.forEach { $0.cancel() } }
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        defer {
            server.stop()
            try? group.syncShutdownGracefully()
        }
        let channel = try SubscribersCommand.reporting {
            do {
                return try server.start(host: host, port: port, group: group)
            } catch {
                throw Diagnostic.error("cannot listen on \(host) port \(port): \(error)")
            }
        }
        let bound = channel.localAddress?.port ?? port
        let shownHost = host.contains(":") ? "[\(host)]" : host
        Output.write(Array("listening on http://\(shownHost):\(bound)/\n".utf8))
        stopped.wait()
        try? channel.close().wait()
    }

    /// The endpoint for this project: its title, its secret, its list.
    ///
    /// - Throws: a `Diagnostic` for a broken project, an unset secret or a
    ///   database that cannot be opened.
    private func endpoint() throws -> UnsubscribeEndpoint {
        let sourceURL = URL(fileURLWithPath: source).standardizedFileURL
        let project = try Project(source: sourceURL, pipelineFile: pipeline.map { URL(fileURLWithPath: $0) })
        let email = project.outputs.first { $0.name == EmailEmitter.name }?.emitter as? EmailEmitter
        let variable = email?.options.unsubscribe.secretEnv ?? "PUBLISH_UNSUBSCRIBE_SECRET"
        let tokens = try UnsubscribeToken(environmentVariable: variable)
        let list = SubscriberList(database: try database.open(source: sourceURL))
        return UnsubscribeEndpoint(list: list, tokens: tokens, siteTitle: project.site.title)
    }
}
