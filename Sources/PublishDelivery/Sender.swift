import Foundation
import NIOConcurrencyHelpers
import PublishSMTP

/// Sends one post to its subscribers through `connections` sessions side
/// by side, at most `rate` messages a second, keeping the ledger so that
/// a run killed at any instant and run again mails every subscriber once,
/// but for at most one message per connection that was on the wire when
/// it died (re-sent with the same Message-ID, and reported).
///
/// Replies: 2xx marks `sent`; 4xx `deferred`, retried in the same run
/// after 1, 2, 4… seconds (`firstRetry`), and 421/450/451/452/454 halve
/// the rate; 5xx `failed`, and a 5.1.x status (no such address) marks the
/// subscriber bounced. A connection lost before the final "." puts the
/// message back; lost after it, the message is `uncertain` and re-sent.
public struct Sender: Sendable {
    public struct Configuration: Sendable {
        /// SMTP sessions side by side.
        public var connections: Int
        /// Messages a second at most; 0 for no cap.
        public var rate: Double
        /// The envelope sender (MAIL FROM), where bounces go.
        public var envelopeFrom: String
        /// The wait before a deferred message's first retry; doubled each time.
        public var firstRetry: Duration = .seconds(1)
        /// Tries of one message in one run before it is left for the next run.
        public var triesPerRun = 5
        /// How long a run waits, in all, for deferred messages to come due.
        public var patience: Duration = .seconds(120)

        public init(connections: Int, rate: Double, envelopeFrom: String) {
            self.connections = connections
            self.rate = rate
            self.envelopeFrom = envelopeFrom
        }
    }

    /// What one run did, and where the post stands after it.
    public struct Summary: Sendable {
        public var start: Ledger.Start
        /// Messages the server accepted in this run.
        public var sent = 0
        /// Left `deferred` at the end of this run.
        public var deferred = 0
        /// Refused with 5xx in this run.
        public var failed = 0
        /// Of those, subscribers marked bounced.
        public var bounced = 0
        /// Addresses sent again because an earlier try may have arrived
        /// (a killed run, or a connection lost after the final ".").
        public var resent: [String] = []
        /// The ledger's counts after the run.
        public var totals: [DeliveryStatus: Int] = [:]
        /// Rows of subscribers who left before their message went.
        public var skipped = 0
        /// True when nothing was due: the post had gone to everyone.
        public var nothingDue = false
    }

    let ledger: Ledger
    let transport: any MailTransport
    let configuration: Configuration

    public init(ledger: Ledger, transport: any MailTransport, configuration: Configuration) {
        self.ledger = ledger
        self.transport = transport
        self.configuration = configuration
    }

    /// Sends `post` (the ledger's key for it) to `subscribers` (the
    /// audience, fixed on the post's first run), `message` making the
    /// bytes of each row's message. `stop` ends the run gracefully: no new
    /// message is begun, the ones under way finish.
    ///
    /// - Throws: `SendError` when the run cannot go on (the server refuses
    ///   the connection, the credentials or the sender); the ledger then
    ///   holds what was done.
    public func run(post: String, subject: String, fingerprint: String = "", subscribers: [Subscriber],
                    messageID: (Subscriber) -> String,
                    message: @escaping @Sendable (Ledger.Entry) throws -> [UInt8],
                    progress: @escaping @Sendable (SendProgress) -> Void = { _ in },
                    stop: StopSignal = StopSignal()) async throws -> Summary
    {
        let start = try ledger.start(post: post, subject: subject, fingerprint: fingerprint, subscribers: subscribers,
                                     now: Date(), messageID: messageID)
        var summary = Summary(start: start)
        let waiting = try ledger.counts(post: post).byStatus
        let total = [DeliveryStatus.pending, .uncertain, .deferred].reduce(0) { $0 + (waiting[$1] ?? 0) }
        let state = RunState(total: total, progress: progress)
        let limiter = RateLimiter(rate: configuration.rate)
        let clock = ContinuousClock()
        // Only the time spent waiting for deferred rows counts against patience.
        var waited = Duration.zero
        var round = 0

        while !stop.isStopped {
            let tries = state.tries
            let due = try ledger.due(post: post, now: Date()).filter { tries[$0.subscriber.id, default: 0] < configuration.triesPerRun }
            if due.isEmpty {
                // Deferred rows with tries left in this run: wait for the first.
                let next = try ledger.deferred(post: post)
                    .filter { tries[$0.subscriber.id, default: 0] < configuration.triesPerRun }
                    .compactMap(\.retryAt).min()
                guard let next else { break }
                let wait = Duration.seconds(max(next.timeIntervalSinceNow, 0)) + .milliseconds(5)
                guard waited + wait <= configuration.patience else { break }
                try await clock.sleep(for: wait)
                waited += wait
                continue
            }
            if round == 0 && total == 0 { break }
            round += 1
            let queue = EntryQueue(due)
            let workers = min(configuration.connections, due.count)
            state.startRound(workers: workers)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<workers {
                    group.addTask {
                        try await work(post: post, queue: queue, limiter: limiter, state: state, message: message, stop: stop)
                    }
                }
                try await group.waitForAll()
            }
        }
        let counts = try ledger.counts(post: post)
        summary.totals = counts.byStatus
        summary.skipped = counts.skipped
        summary.nothingDue = round == 0
        summary.sent = state.sent
        summary.failed = state.failed
        summary.bounced = state.bounced
        summary.deferred = counts.byStatus[.deferred] ?? 0
        var seen = Set<String>()
        summary.resent = state.resent.filter { seen.insert($0).inserted }
        return summary
    }

    /// One session's loop: takes rows until none is left, sends each.
    private func work(post: String, queue: EntryQueue, limiter: RateLimiter, state: RunState,
                      message: @Sendable (Ledger.Entry) throws -> [UInt8], stop: StopSignal) async throws
    {
        var session: (any MailSession)?
        do {
            while !stop.isStopped, let entry = queue.next() {
                // A failed session cancels the others: they begin nothing new.
                try Task.checkCancellation()
                try await limiter.acquire()
                if session?.isOpen != true {
                    await session?.close()
                    session = nil
                    do {
                        session = try await connect(limiter: limiter)
                    } catch let error as SendError {
                        // A server that takes fewer sessions than `connections`:
                        // the others go on, and this row is due again next round.
                        if case .connection = error, state.leaveRound() { return }
                        throw error
                    }
                }
                let bytes: [UInt8]
                do {
                    bytes = try message(entry)
                } catch {
                    throw SendError.message(address: entry.subscriber.email, reason: "\(error)")
                }
                if try await send(entry, bytes, post: post, on: session!, limiter: limiter, state: state) == .close {
                    await session?.close()
                    session = nil
                }
            }
        } catch {
            await session?.close()
            throw error
        }
        await session?.close()
    }

    private enum Next { case keep, close }

    /// One transaction and what its outcome does to the ledger.
    private func send(_ entry: Ledger.Entry, _ bytes: [UInt8], post: String, on session: any MailSession,
                      limiter: RateLimiter, state: RunState) async throws -> Next
    {
        let id = entry.subscriber.id
        let tries = state.tried(id)
        do {
            let reply = try await session.send(from: configuration.envelopeFrom, to: entry.subscriber.email,
                                               message: bytes) { [ledger] in
                guard try ledger.markSending(post: post, subscriberID: id, now: Date()) else { throw NoLongerDue() }
            }
            try await markSent(post: post, subscriberID: id, reply: reply)
            if entry.resend { state.noteResends([entry.subscriber.email]) }
            state.record(\.sent)
            await limiter.succeeded()
            return .keep
        } catch is NoLongerDue {
            // Another run took the row, or the subscriber left mid-round: the
            // message was abandoned before its final ".".
            return .close
        } catch SMTPError.rejected(let reply, let stage) {
            if stage == .mail && reply.isPermanent {
                try ledger.markNotSent(post: post, subscriberID: id, previous: entry.status, now: Date())
                throw SendError.senderRefused(reply)
            }
            if reply.isTransient {
                let wait = configuration.firstRetry * (1 << min(tries - 1, 20))
                try ledger.markDeferred(post: post, subscriberID: id, reply: reply.description,
                                        retryAt: Date().addingTimeInterval(wait / .seconds(1)), now: Date())
                state.record(\.deferredNow)
                if [421, 450, 451, 452, 454].contains(reply.code) { await limiter.slowDown() }
            } else {
                try ledger.markFailed(post: post, subscriberID: id, reply: reply.description, now: Date())
                state.record(\.failed)
                if reply.enhancedStatus?.hasPrefix("5.1.") == true {
                    try ledger.markBounced(subscriberID: id, now: Date())
                    state.record(\.bounced)
                }
            }
            if reply.code == 421 || !session.isOpen { return .close }
            if stage == .endOfData { return .keep }
            do {
                try await session.reset()
                return .keep
            } catch {
                return .close
            }
        } catch SMTPError.connectionLost(let stage) {
            if stage == .endOfData {
                // The "." went out and no answer came: the server may have it.
                try ledger.markUncertain(post: post, subscriberID: id,
                                         reason: "connection lost after the end of data", now: Date())
            } else {
                try ledger.markNotSent(post: post, subscriberID: id, previous: entry.status, now: Date())
            }
            if state.connectionLost() > 10 * configuration.connections {
                throw SendError.connection("the server closed the connection \(state.lostConnections) times")
            }
            return .close
        }
    }

    /// The server has the message: the ledger must say so, or the next run
    /// would send it again. A busy database (a large import beside the send)
    /// is waited out, for up to about a minute.
    private func markSent(post: String, subscriberID: Int64, reply: SMTPReply) async throws {
        var wait = Duration.milliseconds(250)
        for attempt in 1... {
            do {
                try ledger.markSent(post: post, subscriberID: subscriberID, reply: reply.description, now: Date())
                return
            } catch {
                if attempt >= 8 { throw error }
                try? await Task.sleep(for: wait)
                wait *= 2
            }
        }
    }

    /// A new session, retried three times over seven seconds when the
    /// server cannot be reached or is busy; refused credentials, missing
    /// TLS and other misconfiguration end the run at once.
    private func connect(limiter: RateLimiter) async throws -> any MailSession {
        var wait = Duration.seconds(1)
        for attempt in 1...4 {
            do {
                return try await transport.connect()
            } catch SMTPError.connect(let reason) {
                if attempt == 4 { throw SendError.connection(reason) }
            } catch SMTPError.rejected(let reply, _) where reply.isTransient {
                await limiter.slowDown()
                if attempt == 4 { throw SendError.connection("the server is busy: \(reply)") }
            } catch SMTPError.connectionLost(let stage) {
                if attempt == 4 { throw SendError.connection("the server closed the connection at \(stage.rawValue)") }
            } catch let error as SMTPError {
                throw SendError.server(error)
            }
            try await Task.sleep(for: wait)
            wait *= 2
        }
        throw SendError.connection("unreachable")
    }
}

/// Thrown before the final "." when the ledger no longer wants the message.
struct NoLongerDue: Error {}

/// Why a send stopped before its end.
public enum SendError: Error, Sendable, CustomStringConvertible {
    /// The server could not be reached, or kept dropping the connection.
    case connection(String)
    /// TLS, authentication or another refusal that no retry mends.
    case server(SMTPError)
    /// MAIL FROM refused with 5xx: no message can go.
    case senderRefused(SMTPReply)
    /// A message could not be made.
    case message(address: String, reason: String)
    /// Another run holds the subscriber list.
    case busy(String)

    public var description: String {
        switch self {
        case .connection(let reason): "cannot reach the SMTP server: \(reason)"
        case .server(let error): "the SMTP server: \(error)"
        case .senderRefused(let reply): "the SMTP server refuses the sender address: \(reply)"
        case .message(let address, let reason): "cannot make the message to \(address): \(reason)"
        case .busy(let reason): reason
        }
    }
}

/// Set from a signal handler to end a run gracefully.
public final class StopSignal: Sendable {
    private let flag = NIOLockedValueBox(false)

    public init() {}

    public var isStopped: Bool { flag.withLockedValue { $0 } }

    public func stop() {
        flag.withLockedValue { $0 = true }
    }
}

/// The rows of one round, handed out one at a time to the sessions.
final class EntryQueue: Sendable {
    private let state: NIOLockedValueBox<(entries: [Ledger.Entry], next: Int)>

    init(_ entries: [Ledger.Entry]) {
        state = NIOLockedValueBox((entries, 0))
    }

    func next() -> Ledger.Entry? {
        state.withLockedValue { state in
            guard state.next < state.entries.count else { return nil }
            defer { state.next += 1 }
            return state.entries[state.next]
        }
    }
}

/// Counts of one run, shared by its sessions.
final class RunState: Sendable {
    struct Counts {
        var sent = 0, deferredNow = 0, failed = 0, bounced = 0, lostConnections = 0
        /// Sessions of this round still working.
        var workers = 0
        var tries: [Int64: Int] = [:]
        var resent: [String] = []
    }

    private let counts = NIOLockedValueBox(Counts())
    private let total: Int
    private let started = ContinuousClock.now
    private let progress: @Sendable (SendProgress) -> Void

    init(total: Int, progress: @escaping @Sendable (SendProgress) -> Void) {
        self.total = total
        self.progress = progress
    }

    var sent: Int { counts.withLockedValue { $0.sent } }
    var failed: Int { counts.withLockedValue { $0.failed } }
    var bounced: Int { counts.withLockedValue { $0.bounced } }
    var tries: [Int64: Int] { counts.withLockedValue { $0.tries } }
    var resent: [String] { counts.withLockedValue { $0.resent } }
    var lostConnections: Int { counts.withLockedValue { $0.lostConnections } }

    /// One more try of this subscriber's message; returns the count.
    func tried(_ id: Int64) -> Int {
        counts.withLockedValue { counts in
            counts.tries[id, default: 0] += 1
            return counts.tries[id]!
        }
    }

    func startRound(workers: Int) {
        counts.withLockedValue { $0.workers = workers }
    }

    /// One session gives up on connecting: true when others still work,
    /// so it may leave quietly; false when it is the last one.
    func leaveRound() -> Bool {
        counts.withLockedValue { counts in
            guard counts.workers > 1 else { return false }
            counts.workers -= 1
            return true
        }
    }

    func noteResends(_ addresses: [String]) {
        counts.withLockedValue { $0.resent += addresses }
    }

    func connectionLost() -> Int {
        counts.withLockedValue { counts in
            counts.lostConnections += 1
            return counts.lostConnections
        }
    }

    func record(_ key: WritableKeyPath<Counts, Int>) {
        let snapshot = counts.withLockedValue { counts in
            counts[keyPath: key] += 1
            return counts
        }
        progress(SendProgress(total: total, sent: snapshot.sent, deferred: snapshot.deferredNow,
                              failed: snapshot.failed,
                              elapsed: (ContinuousClock.now - started) / .seconds(1)))
    }
}
