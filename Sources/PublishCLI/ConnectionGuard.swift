import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1

/// How long a client may take and how many connections it may hold, for
/// both HTTP servers (`unsubscribe-server` and `serve`). Without limits a
/// client that sends its request a byte at a time, or connects and sends
/// nothing, keeps its socket for as long as it likes, and a few hundred
/// such clients use up the process's file descriptors.
struct ConnectionLimits: Sendable {
    /// From connecting, or from the first byte after an answer, to the
    /// blank line ending the request's headers. Total time, not time
    /// between bytes: a byte every few seconds does not keep it open.
    var headerTimeout: TimeAmount = .seconds(10)
    /// From the end of the headers to the end of the body, in total. The
    /// bodies these servers take are a few bytes of form.
    var bodyTimeout: TimeAmount = .seconds(10)
    /// From the end of an answer to the next request's first byte.
    var idleTimeout: TimeAmount = .seconds(60)
    /// Connections open at once; one more is closed as soon as it is accepted.
    var maxConnections = 256
    /// Connections open at once from one IP address. Behind a proxy every
    /// connection comes from the proxy's address.
    var maxConnectionsPerClient = 32
}

/// Keeps a server's connections within its `ConnectionLimits`: counts them
/// (in total and per client address, across event loops), closes the ones
/// over the caps, times each request's headers and body and each idle
/// wait, and closes a connection after a 4xx or 5xx answer or an
/// unreadable request, so that nothing is left open in a state the client
/// chose.
final class ConnectionGuard: Sendable {
    let limits: ConnectionLimits
    private let counts = NIOLockedValueBox((total: 0, perClient: [String: Int]()))

    init(limits: ConnectionLimits) {
        self.limits = limits
    }

    /// Sets up a new connection's pipeline, on its event loop: the gate,
    /// NIO's HTTP server handlers, the clock. The server adds its own
    /// handler after these.
    func configureHTTPServerPipeline(_ channel: Channel) throws {
        let clock = Clock(limits: limits)
        let pipeline = channel.pipeline.syncOperations
        try pipeline.addHandler(Gate(guard: self, clock: clock))
        try pipeline.configureHTTPServerPipeline()
        try pipeline.addHandler(clock)
    }

    /// Takes a slot for a connection from `client`, or says there is none.
    func admit(_ client: String) -> Bool {
        counts.withLockedValue { counts in
            let mine = counts.perClient[client, default: 0]
            guard counts.total < limits.maxConnections, mine < limits.maxConnectionsPerClient else { return false }
            counts.total += 1
            counts.perClient[client] = mine + 1
            return true
        }
    }

    /// Gives back a slot `admit` took.
    func release(_ client: String) {
        counts.withLockedValue { counts in
            counts.total -= 1
            let mine = counts.perClient[client, default: 1] - 1
            counts.perClient[client] = mine > 0 ? mine : nil
        }
    }

    /// First in the pipeline, where the bytes are still raw: admits a new
    /// connection or closes it, gives its slot back when it closes, and
    /// tells the clock when bytes arrive (the start of a next request).
    private final class Gate: ChannelInboundHandler {
        typealias InboundIn = ByteBuffer
        typealias InboundOut = ByteBuffer

        let owner: ConnectionGuard
        let clock: Clock
        private var client: String?

        init(guard owner: ConnectionGuard, clock: Clock) {
            self.owner = owner
            self.clock = clock
        }

        func channelActive(context: ChannelHandlerContext) {
            let address = context.channel.remoteAddress?.ipAddress ?? "unknown"
            guard owner.admit(address) else {
                context.close(promise: nil)
                return
            }
            client = address
            context.fireChannelActive()
        }

        func channelInactive(context: ChannelHandlerContext) {
            if let client { owner.release(client) }
            client = nil
            context.fireChannelInactive()
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            clock.bytesArrived()
            context.fireChannelRead(data)
        }
    }

    /// After NIO's HTTP handlers, where requests and answers have their
    /// parts: one timer at a time, for the phase the connection is in.
    /// While the server works on an answer no timer runs; NIO reads
    /// nothing more from the socket until the answer is written.
    private final class Clock: ChannelDuplexHandler {
        typealias InboundIn = HTTPServerRequestPart
        typealias InboundOut = HTTPServerRequestPart
        typealias OutboundIn = HTTPServerResponsePart
        typealias OutboundOut = HTTPServerResponsePart

        let limits: ConnectionLimits
        private var channel: Channel?
        private var timer: Scheduled<Void>?
        /// Between a request's head and its end.
        private var requestOpen = false
        /// Between a request's head and its answer's end.
        private var answering = false
        /// After an answer, until the next request's first byte.
        private var idle = false
        /// An error answer is being written: the connection closes after it.
        private var closing = false

        init(limits: ConnectionLimits) {
            self.limits = limits
        }

        func handlerAdded(context: ChannelHandlerContext) {
            channel = context.channel
        }

        func handlerRemoved(context: ChannelHandlerContext) {
            stop()
            channel = nil
        }

        func channelActive(context: ChannelHandlerContext) {
            start(limits.headerTimeout)
            context.fireChannelActive()
        }

        func channelInactive(context: ChannelHandlerContext) {
            stop()
            context.fireChannelInactive()
        }

        /// Bytes came in; if the connection was idle, a request has begun.
        func bytesArrived() {
            guard idle else { return }
            idle = false
            start(limits.headerTimeout)
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            switch unwrapInboundIn(data) {
            case .head:
                requestOpen = true
                answering = true
                idle = false
                start(limits.bodyTimeout)
            case .body:
                break
            case .end:
                requestOpen = false
                if answering { stop() } else { exchangeDone() }
            }
            context.fireChannelRead(data)
        }

        func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
            switch unwrapOutboundIn(data) {
            case .head(var head) where head.status.code >= 400:
                closing = true
                head.headers.replaceOrAdd(name: "Connection", value: "close")
                context.write(wrapOutboundOut(.head(head)), promise: promise)
                return
            case .end where closing:
                let written = promise ?? context.eventLoop.makePromise()
                let channel = context.channel
                written.futureResult.whenComplete { _ in channel.close(promise: nil) }
                context.write(data, promise: written)
                return
            case .end:
                // Before the write: writing it may hand on a pipelined
                // request, whose head must find the idle state.
                answering = false
                if !requestOpen { exchangeDone() }
            case .head, .body:
                break
            }
            context.write(data, promise: promise)
        }

        /// An unreadable request (NIO's protocol handler has already
        /// answered 400) or a broken socket: nothing more can be read.
        func errorCaught(context: ChannelHandlerContext, error: any Error) {
            context.close(promise: nil)
            context.fireErrorCaught(error)
        }

        private func exchangeDone() {
            idle = true
            start(limits.idleTimeout)
        }

        /// Closes the connection after `amount`, in place of the timer running.
        private func start(_ amount: TimeAmount) {
            stop()
            guard let channel else { return }
            timer = channel.eventLoop.scheduleTask(in: amount) { channel.close(promise: nil) }
        }

        private func stop() {
            timer?.cancel()
            timer = nil
        }
    }
}
