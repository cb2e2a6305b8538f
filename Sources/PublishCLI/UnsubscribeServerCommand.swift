import ArgumentParser
import Foundation
import NIOPosix
import PublishAST
import PublishDelivery
import PublishEmail

/// `publish unsubscribe-server`: the endpoint the newsletter's unsubscribe
/// links and one-click POSTs (RFC 8058) reach, served over plain HTTP for
/// the site's https proxy to forward to. Reads the site's title and the
/// name of the environment variable holding the token secret from the
/// project; stops on SIGINT or SIGTERM.
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

    func run() throws {
        let server = UnsubscribeServer(endpoint: try SubscribersCommand.reporting(endpoint))
        // Blocked before any thread starts, so every thread inherits the
        // mask and the signals wait for `sigwait` below. A parent may have
        // set them to be ignored, which would discard them: reset that.
        var stopping = sigset_t()
        sigemptyset(&stopping)
        sigaddset(&stopping, SIGINT)
        sigaddset(&stopping, SIGTERM)
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
        pthread_sigmask(SIG_BLOCK, &stopping, nil)
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
        var received: Int32 = 0
        sigwait(&stopping, &received)
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
