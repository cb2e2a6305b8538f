import NIOCore
import NIOSSL

/// The client's end of the channel: frames the server's bytes into lines and
/// replies and hands each reply to the request waiting for it, in order. It owns the
/// per-reply timeout, turns a closed connection into failed requests, and
/// for STARTTLS puts TLS at the front of the pipeline the moment the 220
/// arrives, refusing any plaintext the server sent after it.
///
/// Everything here runs on the channel's event loop; `SMTPLink` reaches it
/// through a `NIOLoopBound`.
final class SMTPClientHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    /// What STARTTLS needs to start TLS.
    struct TLSUpgrade: Sendable {
        var context: NIOSSLContext
        /// The name sent in SNI and checked against the certificate; nil for
        /// an IP address, which is checked against the peer's address.
        var serverHostname: String?
    }

    /// A request waiting for its reply.
    private struct Waiter {
        var promise: EventLoopPromise<SMTPReply>
        var startsTLS: Bool
        var timer: Scheduled<Void>?
    }

    private let eventLoop: any EventLoop
    private let timeout: TimeAmount
    private let tlsUpgrade: TLSUpgrade?
    private let processor = NIOSingleStepByteToMessageProcessor(SMTPReplyDecoder())
    private var assembler = SMTPReplyAssembler()
    private var context: ChannelHandlerContext?
    private var waiters = CircularBuffer<Waiter>()
    /// A 421 that came unasked: the reply to the next request.
    private var closingReply: SMTPReply?
    /// Set when the connection can no longer be used.
    private var finished: SMTPLinkFailure?
    /// True while handling the read in which TLS was put in front.
    private var tlsStartedInThisRead = false
    /// True once TLS is in front of this handler (from the start, or after STARTTLS).
    private var tlsInstalled: Bool
    /// True once a reply has come through TLS, which proves the handshake
    /// completed (plaintext after STARTTLS's 220 is refused).
    private(set) var isEncrypted = false
    /// The server's greeting, the reply no request asks for.
    let greeting: EventLoopFuture<SMTPReply>

    /// - Parameters:
    ///   - timeout: how long each reply may take; then the connection closes.
    ///   - implicitTLS: TLS is already in front of this handler.
    ///   - tlsUpgrade: set when STARTTLS will be used.
    init(eventLoop: any EventLoop, timeout: TimeAmount, implicitTLS: Bool, tlsUpgrade: TLSUpgrade?) {
        self.eventLoop = eventLoop
        self.timeout = timeout
        self.tlsInstalled = implicitTLS
        self.tlsUpgrade = tlsUpgrade
        let promise = eventLoop.makePromise(of: SMTPReply.self)
        greeting = promise.futureResult
        waiters.append(Waiter(promise: promise, startsTLS: false, timer: nil))
    }

    /// Writes `bytes` (when given) and returns the reply to them; with
    /// `startsTLS`, a 220 reply puts TLS in front before anything else is
    /// read. Fails with `SMTPLinkFailure`.
    func request(_ bytes: ByteBuffer?, startsTLS: Bool = false,
                 timeout: TimeAmount? = nil) -> EventLoopFuture<SMTPReply> {
        if let reply = closingReply {
            closingReply = nil
            return eventLoop.makeSucceededFuture(reply)
        }
        guard let context, finished == nil, context.channel.isActive else {
            return eventLoop.makeFailedFuture(unusable)
        }
        let promise = eventLoop.makePromise(of: SMTPReply.self)
        waiters.append(Waiter(promise: promise, startsTLS: startsTLS, timer: startTimer(timeout ?? self.timeout)))
        if let bytes {
            let written = eventLoop.makePromise(of: Void.self)
            written.futureResult.assumeIsolated().whenFailure { [self] _ in
                fail(.notSent)
                self.context?.close(promise: nil)
            }
            context.writeAndFlush(wrapOutboundOut(bytes), promise: written)
        }
        return promise.futureResult
    }

    /// Writes `bytes` without waiting for a reply (the message after DATA).
    /// A server that stops reading for longer than the timeout closes the
    /// connection and fails the write.
    func write(_ bytes: ByteBuffer) -> EventLoopFuture<Void> {
        guard let context, finished == nil, context.channel.isActive else {
            return eventLoop.makeFailedFuture(unusable)
        }
        let timer = startTimer(timeout)
        let written = context.writeAndFlush(wrapOutboundOut(bytes))
        written.whenComplete { _ in timer.cancel() }
        return written.flatMapErrorThrowing { _ in
            throw SMTPLinkFailure.notSent
        }
    }

    /// Why a request on a finished connection fails: the TLS or protocol
    /// failure that ended it (which may have come before anyone was waiting),
    /// else "not sent".
    private var unusable: SMTPLinkFailure {
        switch finished {
        case .tls?, .malformed?: finished!
        default: .notSent
        }
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        if context.channel.isActive { startGreetingTimer() }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        fail(.closed)
        self.context = nil
    }

    func channelActive(context: ChannelHandlerContext) {
        startGreetingTimer()
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        fail(.closed)
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let bytes = unwrapInboundIn(data)
        tlsStartedInThisRead = false
        do {
            try processor.process(buffer: bytes) { line in
                if tlsStartedInThisRead {
                    throw SMTPReplyDecodingError("the server sent more after agreeing to STARTTLS, before TLS began.")
                }
                if let reply = try assembler.add(line) { try deliver(reply, context: context) }
            }
            if tlsStartedInThisRead && processor.unprocessedBytes > 0 {
                throw SMTPReplyDecodingError("the server sent more after agreeing to STARTTLS, before TLS began.")
            }
        } catch {
            errorCaught(context: context, error: error)
        }
        tlsStartedInThisRead = false
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        let failure: SMTPLinkFailure
        if let error = error as? SMTPReplyDecodingError {
            failure = .malformed(error.message)
        } else if let error = error as? SMTPLinkFailure {
            failure = error
        } else if !isEncrypted, let message = Self.tlsFailure(error) {
            failure = .tls(message)
        } else {
            failure = .closed
        }
        fail(failure)
        context.close(promise: nil)
    }

    /// Hands `reply` to the oldest waiter.
    private func deliver(_ reply: SMTPReply, context: ChannelHandlerContext) throws {
        guard finished == nil else { return }
        if tlsInstalled { isEncrypted = true }
        guard let waiter = waiters.popFirst() else {
            guard reply.code == 421 else {
                throw SMTPReplyDecodingError("the server sent a reply no command asked for: \(reply).")
            }
            closingReply = reply
            finished = .closed
            context.close(promise: nil)
            return
        }
        waiter.timer?.cancel()
        if reply.code == 421 {
            // The server is closing: so does the client, before anyone sees the reply.
            finished = .closed
            context.close(promise: nil)
        } else if waiter.startsTLS && reply.code == 220, let tlsUpgrade {
            do {
                let tls = try NIOSSLClientHandler(context: tlsUpgrade.context, serverHostname: tlsUpgrade.serverHostname)
                try context.pipeline.syncOperations.addHandler(tls, position: .first)
            } catch {
                waiter.promise.fail(SMTPLinkFailure.tls("\(error)"))
                throw SMTPLinkFailure.tls("\(error)")
            }
            tlsStartedInThisRead = true
            tlsInstalled = true
        }
        waiter.promise.succeed(reply)
    }

    /// Fails every waiting request; the first failure is the one remembered.
    private func fail(_ failure: SMTPLinkFailure) {
        if finished == nil { finished = failure }
        while let waiter = waiters.popFirst() {
            waiter.timer?.cancel()
            waiter.promise.fail(failure)
        }
    }

    /// Starts the greeting's timer, once the connection is up.
    private func startGreetingTimer() {
        guard !waiters.isEmpty, waiters[waiters.startIndex].timer == nil else { return }
        waiters[waiters.startIndex].timer = startTimer(timeout)
    }

    /// A timer that fails every request and closes the connection.
    private func startTimer(_ amount: TimeAmount) -> Scheduled<Void> {
        eventLoop.assumeIsolated().scheduleTask(in: amount) { [self] in
            fail(.timedOut)
            context?.close(promise: nil)
        }
    }

    /// A sentence on a failed TLS handshake, or nil when `error` is not one.
    private static func tlsFailure(_ error: any Error) -> String? {
        guard error is NIOSSLError || error is NIOSSLExtraError || error is BoringSSLError else { return nil }
        if case .uncleanShutdown? = error as? NIOSSLError { return nil }
        let text = "\(error)"
        if text.contains("CERTIFICATE_VERIFY_FAILED") {
            return "its certificate is not signed by a trusted authority"
                + " (add the authority's PEM file to the trusted certificates, or name it in SSL_CERT_FILE)."
        }
        if text.contains("failedToValidateHostname") || text.contains("Hostname") {
            return "its certificate is not for this host name."
        }
        return text
    }
}
