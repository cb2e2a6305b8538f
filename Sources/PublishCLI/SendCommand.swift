import ArgumentParser
import Dispatch
import Foundation
import NIOPosix
import PublishAST
import PublishDelivery
import PublishEmail
import PublishPipeline
import PublishReader
import PublishSMTP

/// `publish send`: one post, as the newsletter, to every active subscriber,
/// exactly once each; run again after a crash, it goes on where it stopped.
struct SendCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "send",
        abstract: "Mail a post to the subscribers, each once; run again to resume.",
        discussion: """
            The SMTP server, the sender and the signing key come from `outputs.email` in the \
            pipeline file. Credentials only from the environment (`smtp.username_env`, \
            `smtp.password_env`); the unsubscribe secret from `unsubscribe.secret_env` \
            (default PUBLISH_UNSUBSCRIBE_SECRET).
            """)

    @Option(help: "The site folder.")
    var source: String = "."

    @Option(help: ArgumentHelp("A pipeline file to use instead of SOURCE/publish.yml.", valueName: "file"))
    var pipeline: String?

    @OptionGroup var database: DatabaseOption

    @Option(help: ArgumentHelp("The post: `latest` (the newest), its slug, or its file.", valueName: "post"))
    var post: String = "latest"

    @Option(help: ArgumentHelp("The SMTP server instead of `smtp.url`: smtp://HOST:PORT or smtps://HOST:PORT.",
                               valueName: "url"))
    var smtp: String?

    @Flag(help: "Say what would be sent; send nothing and change nothing.")
    var dryRun = false

    @Option(help: ArgumentHelp("Send one test message to this address and change no ledger.", valueName: "address"))
    var testTo: String?

    @Flag(help: "Send the post even though the same text went out before under another file name.")
    var again = false

    @Flag(name: .shortAndLong, help: "Print errors and the summary only.")
    var quiet = false

    func run() async throws {
        do {
            try await send()
        } catch let diagnostic as Diagnostic {
            Diagnostics.report(diagnostic)
            throw ExitCode.failure
        } catch let list as DiagnosticList {
            list.diagnostics.forEach(Diagnostics.report)
            throw ExitCode.failure
        } catch let error as SendError {
            Diagnostics.report(.error(error.description))
            throw ExitCode.failure
        } catch let error as SMTPError {
            Diagnostics.report(.error("the SMTP server: \(error)"))
            throw ExitCode.failure
        }
    }

    private var sourceURL: URL { URL(fileURLWithPath: source).standardizedFileURL }

    private func send() async throws {
        let project = try Project(source: sourceURL, pipelineFile: pipeline.map { URL(fileURLWithPath: $0) })
        guard let options = (project.outputs.first { $0.name == EmailEmitter.name }?.emitter as? EmailEmitter)?.options,
              let from = options.from else {
            throw Diagnostic.error("`publish send` needs `outputs.email` with `from:` in the pipeline file",
                                   at: SourceLocation(path: pipeline ?? "publish.yml", position: .unknown))
        }
        var loader = SiteLoader(source: sourceURL, config: project.site, pipeline: project.markdown)
        loader.includeDrafts = false
        let (whole, loadDiagnostics) = loader.load()
        let (site, stageDiagnostics) = whole.applying(project.markdown.stages.limited(to: EmailEmitter.name))
        for diagnostic in loadDiagnostics + stageDiagnostics
        where diagnostic.severity != .note && (!quiet || diagnostic.severity == .error) {
            Diagnostics.report(diagnostic)
        }
        let chosen = try choosePost(in: site)
        let signer = try NewsletterIssue.signer(options: options, source: sourceURL)
        let issue = try NewsletterIssue(post: chosen, site: site, options: options, signer: signer)
        for diagnostic in (options.addressWarning.map { [$0] } ?? []) + issue.diagnostics where !quiet {
            Diagnostics.report(diagnostic)
        }
        let server = try smtpServer(options, clientName: from.domain)
        let now = Date()

        if let testTo {
            if dryRun {
                say("dry run: a test of '\(issue.subject)' would go to \(testTo) through \(server); "
                    + "nothing sent", always: true)
            } else {
                try await sendTest(issue, to: testTo, from: from, server: server, now: now)
            }
            return
        }
        let tokens = try UnsubscribeToken(environmentVariable: options.unsubscribe.secretEnv)
        let file = database.url(source: sourceURL)
        guard FileManager.default.fileExists(atPath: file.path) else {
            throw Diagnostic.error("there is no subscriber database at \(file.path); add subscribers with "
                                   + "`publish subscribers add` or `publish subscribers import FILE.csv`")
        }
        let database = try self.database.open(source: sourceURL)
        let ledger = Ledger(database: database)
        let audience = try SubscriberList(database: database).active()
        let key = chosen.sourcePath
        let title = issue.subject
        let fingerprint = issue.fingerprint
        if !(try ledger.hasIssue(post: key)) {
            // A renamed file is a new key: do not mail the same text to everyone again.
            if let earlier = try ledger.sameIssue(fingerprint: fingerprint, other: key), !again {
                throw Diagnostic.error("'\(title)' went out before as \(earlier.post) on "
                                       + ISO8601DateFormatter().string(from: earlier.startedAt)
                                       + ", word for word; if the file was only renamed there is nothing to send. "
                                       + "To send it again as a new issue, add --again",
                                       at: SourceLocation(path: key, position: .unknown))
            }
            for earlier in try ledger.issues() where earlier.left > 0 && earlier.post != key {
                say("note: '\(earlier.subject)' (\(earlier.post)) still has \(earlier.left) message"
                    + "\(earlier.left == 1 ? "" : "s") to send: `publish send --post \(earlier.post)` goes on with it",
                    always: true)
            }
        }

        if dryRun {
            try dryRun(issue: issue, ledger: ledger, key: key, audience: audience, tokens: tokens, server: server)
            return
        }
        var configuration = Sender.Configuration(connections: options.connections, rate: options.rate,
                                                 envelopeFrom: from.address)
        configuration.triesPerRun = 5
        let lock = try SendLock(databasePath: file.path)
        defer { withExtendedLifetime(lock) {} }
        let group = MultiThreadedEventLoopGroup.singleton
        let sender = Sender(ledger: ledger, transport: SMTPTransport(server: server, group: group),
                            configuration: configuration)
        let stop = StopSignal()
        let signals = SendCommand.trapInterrupt(stop)
        defer { signals.forEach { $0.cancel() } }
        let line = ProgressLine(enabled: !quiet && isatty(STDERR_FILENO) != 0)
        say("sending '\(title)' (\(key)) through \(server)…")
        let summary: Sender.Summary
        do {
            summary = try await sender.run(
                post: key, subject: title, fingerprint: fingerprint, subscribers: audience,
                messageID: { issue.messageID(for: $0.recipient(tokens: tokens)) },
                message: { entry in
                    try issue.message(to: entry.subscriber.recipient(tokens: tokens), messageID: entry.messageID, date: now)
                },
                progress: { line.show($0.line) }, stop: stop)
        } catch {
            line.clear()
            throw error
        }
        line.clear()
        report(summary, title: title, key: key, stopped: stop.isStopped)
        let left = [DeliveryStatus.pending, .deferred, .uncertain, .sending].reduce(0) { $0 + (summary.totals[$1] ?? 0) }
        if left > 0 { throw ExitCode.failure }
    }

    /// `--post`: `latest`, a slug, or a file (as given or relative to the source).
    private func choosePost(in site: Site) throws -> Post {
        let published = site.posts.filter { !$0.isDraft }
        if post == "latest" {
            guard let newest = published.last else { throw Diagnostic.error("the site has no published post to send") }
            return newest
        }
        let asPath = URL(fileURLWithPath: post).standardizedFileURL.path
        let matches = published.filter { candidate in
            let file = sourceURL.appendingPathComponent(candidate.sourcePath).standardizedFileURL.path
            if file == asPath || candidate.sourcePath == post { return true }
            let slug = candidate.metadata.slug ?? PostFileName(path: candidate.sourcePath)?.slug
            return slug == post
        }
        guard matches.count == 1 else {
            throw Diagnostic.error(matches.isEmpty
                ? "no published post is '\(post)': give `latest`, a post's slug or its file"
                : "more than one post has the slug '\(post)': give its file instead ("
                    + matches.map(\.sourcePath).joined(separator: ", ") + ")")
        }
        return matches[0]
    }

    /// The server from `smtp:` (or `--smtp`), credentials from the environment.
    private func smtpServer(_ options: EmailOptions, clientName: String) throws -> SMTPServer {
        let url = smtp ?? options.smtp.url
        guard !url.isEmpty else {
            throw Diagnostic.error("no SMTP server: set `smtp: {url: smtp://HOST:587}` under `outputs.email`, or give --smtp")
        }
        let environment = ProcessInfo.processInfo.environment
        func secret(_ name: String, _ what: String) throws -> String? {
            guard !name.isEmpty else { return nil }
            guard let value = environment[name], !value.isEmpty else {
                throw Diagnostic.error("`smtp.\(what)` names the environment variable \(name), which is not set")
            }
            return value
        }
        do {
            return try SMTPServer(url: url, tls: options.smtp.tls, username: try secret(options.smtp.usernameEnv, "username_env"),
                                  password: try secret(options.smtp.passwordEnv, "password_env"), clientName: clientName)
        } catch let error as SMTPError {
            throw Diagnostic.error("\(error)")
        }
    }

    private func sendTest(_ issue: NewsletterIssue, to address: String, from: Mailbox, server: SMTPServer, now: Date)
        async throws
    {
        let mailbox = try Mailbox(parsing: address)
        let recipient = Recipient(mailbox: mailbox, id: "test", token: "TEST-NOT-A-REAL-TOKEN")
        let messageID = "<test.\(UUID().uuidString.lowercased())@\(from.domain)>"
        let bytes = try issue.message(to: recipient, messageID: messageID, date: now, test: true)
        let group = MultiThreadedEventLoopGroup.singleton
        let connection = try await SMTPConnection.connect(to: server, group: group)
        do {
            let reply = try await connection.send(from: from.address, to: mailbox.address, message: bytes) {}
            await connection.close()
            say("sent a test of '\(issue.subject)' to \(mailbox.address): \(reply); no ledger changed", always: true)
        } catch {
            await connection.close()
            throw error
        }
    }

    private func dryRun(issue: NewsletterIssue, ledger: Ledger, key: String, audience: [Subscriber],
                        tokens: UnsubscribeToken, server: SMTPServer) throws
    {
        // Every message is made, as the send would, so a fault shows now.
        for subscriber in audience {
            _ = try issue.message(to: subscriber.recipient(tokens: tokens))
        }
        if try ledger.hasIssue(post: key) {
            let counts = try ledger.counts(post: key).byStatus
            let due = [DeliveryStatus.pending, .uncertain, .deferred, .sending].reduce(0) { $0 + (counts[$1] ?? 0) }
            say("dry run: '\(issue.subject)' (\(key)) was sent to \(counts[.sent] ?? 0); \(due) left to send "
                + "through \(server); nothing sent", always: true)
        } else {
            say("dry run: '\(issue.subject)' (\(key)) would go to \(audience.count) subscriber\(audience.count == 1 ? "" : "s") "
                + "through \(server); nothing sent", always: true)
        }
    }

    private func report(_ summary: Sender.Summary, title: String, key: String, stopped: Bool) {
        let totals = summary.totals
        if summary.nothingDue && summary.start.foundUncertain == 0 {
            let deferred = totals[.deferred] ?? 0
            say(deferred > 0
                ? "nothing due yet for '\(title)': \(deferred) deferred, to retry later"
                : "nothing to send: '\(title)' has gone to every subscriber (\(totals[.sent] ?? 0) sent, "
                    + "\(totals[.failed] ?? 0) failed)", always: true)
        } else {
            var parts = ["sent \(summary.sent)"]
            if !summary.resent.isEmpty {
                parts.append("\(Set(summary.resent).count) re-sent with the same Message-ID after an uncertain end: "
                             + Set(summary.resent).sorted().joined(separator: ", "))
            }
            if summary.failed > 0 { parts.append("\(summary.failed) failed (\(summary.bounced) bounced)") }
            if summary.deferred > 0 { parts.append("\(summary.deferred) deferred: run `publish send` again later") }
            if summary.skipped > 0 { parts.append("\(summary.skipped) skipped: unsubscribed since") }
            say("'\(title)': " + parts.joined(separator: "; ")
                + "; in all \(totals[.sent] ?? 0) of \(totals.values.reduce(0, +)) sent", always: true)
        }
        if stopped { say("stopped on request: run `publish send` again to go on", always: true) }
        if summary.start.joinedSince > 0 {
            say("\(summary.start.joinedSince) subscriber\(summary.start.joinedSince == 1 ? "" : "s") joined after "
                + "this post was first sent and are not sent it", always: true)
        }
    }

    private func say(_ line: String, always: Bool = false) {
        guard always || !quiet else { return }
        FileHandle.standardError.write(Data("publish: \(line)\n".utf8))
    }

    /// The first Ctrl-C or SIGTERM (a service manager stopping us) lets the
    /// messages under way finish and stops; a second one ends the process
    /// at once.
    private static func trapInterrupt(_ stop: StopSignal) -> [DispatchSourceSignal] {
        [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                if stop.isStopped { Foundation.exit(128 + number) }
                FileHandle.standardError.write(Data(
                    "\npublish: stopping after the messages under way (Ctrl-C again to quit now)\n".utf8))
                stop.stop()
            }
            source.resume()
            return source
        }
    }
}

/// One line on a terminal, rewritten at most ten times a second.
final class ProgressLine: @unchecked Sendable {
    private let enabled: Bool
    private let lock = NSLock()
    private var last = Date.distantPast
    private var shown = false

    init(enabled: Bool) {
        self.enabled = enabled
    }

    func show(_ text: String) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        guard Date().timeIntervalSince(last) >= 0.1 else { return }
        last = Date()
        shown = true
        FileHandle.standardError.write(Data("\r\u{1B}[2Kpublish: \(text)".utf8))
    }

    func clear() {
        lock.lock()
        defer { lock.unlock() }
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
        shown = false
    }
}
