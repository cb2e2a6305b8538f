import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import PublishDelivery

/// Serves an `UnsubscribeEndpoint` over HTTP/1.1 for `publish
/// unsubscribe-server`, meant to sit behind the site's https proxy. A
/// request's body is buffered up to one byte past the endpoint's limit (so
/// the endpoint can answer 413); the endpoint runs on a thread pool, since
/// it reads and writes the SQLite file, and never on the event loop. Its
/// `ConnectionGuard` times out slow clients, caps connections and closes
/// after an error answer.
final class UnsubscribeServer: Sendable {
    let endpoint: UnsubscribeEndpoint
    private let pool: NIOThreadPool
    private let connections: ConnectionGuard

    init(endpoint: UnsubscribeEndpoint, limits: ConnectionLimits = ConnectionLimits()) {
        self.endpoint = endpoint
        pool = NIOThreadPool(numberOfThreads: 1)
        connections = ConnectionGuard(limits: limits)
    }

    /// Listens on `host:port` (port 0: a free one, read back from the
    /// channel's local address).
    func start(host: String, port: Int, group: MultiThreadedEventLoopGroup) throws -> Channel {
        pool.start()
        return try ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try self.connections.configureHTTPServerPipeline(channel)
                    try channel.pipeline.syncOperations.addHandler(Handler(endpoint: self.endpoint, pool: self.pool))
                }
            }
            .bind(host: host, port: port).wait()
    }

    /// Stops the thread pool once the channel is closed.
    func stop() {
        try? pool.syncShutdownGracefully()
    }

    /// One connection: collects a request, answers it, and closes when the
    /// client asked to.
    private final class Handler: ChannelInboundHandler {
        typealias InboundIn = HTTPServerRequestPart
        typealias OutboundOut = HTTPServerResponsePart

        let endpoint: UnsubscribeEndpoint
        let pool: NIOThreadPool
        private var head: HTTPRequestHead?
        private var body: [UInt8] = []

        init(endpoint: UnsubscribeEndpoint, pool: NIOThreadPool) {
            self.endpoint = endpoint
            self.pool = pool
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            switch unwrapInboundIn(data) {
            case .head(let head):
                self.head = head
                body = []
            case .body(var buffer):
                let room = UnsubscribeEndpoint.maximumBodySize + 1 - body.count
                if room > 0, let bytes = buffer.readBytes(length: min(room, buffer.readableBytes)) {
                    body += bytes
                }
            case .end:
                guard let head else { return }
                self.head = nil
                answer(head, body: body, context: context)
                body = []
            }
        }

        private func answer(_ head: HTTPRequestHead, body: [UInt8], context: ChannelHandlerContext) {
            let endpoint = endpoint
            let contentType = head.headers.first(name: "Content-Type")
            let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
            pool.runIfActive(eventLoop: context.eventLoop) {
                endpoint.respond(method: head.method.rawValue, target: head.uri, contentType: contentType, body: body)
            }.whenComplete { result in
                let response = (try? result.get())
                    ?? UnsubscribeEndpoint.Response(status: 503, contentType: "text/plain; charset=utf-8",
                                                    body: Array("stopping\n".utf8))
                Handler.write(response, for: head, to: bound.value)
            }
        }

        private static func write(_ response: UnsubscribeEndpoint.Response, for head: HTTPRequestHead,
                                  to context: ChannelHandlerContext) {
            var headers = HTTPHeaders()
            headers.add(name: "Content-Type", value: response.contentType)
            headers.add(name: "Content-Length", value: String(response.body.count))
            for (name, value) in response.headers.sorted(by: { $0.key < $1.key }) {
                headers.add(name: name, value: value)
            }
            if !head.isKeepAlive { headers.add(name: "Connection", value: "close") }
            let status = HTTPResponseStatus(statusCode: response.status)
            context.write(NIOAny(HTTPServerResponsePart.head(HTTPResponseHead(version: head.version, status: status,
                                                                               headers: headers))), promise: nil)
            // A response to HEAD has the length of its body, and no body.
            if head.method != .HEAD {
                context.write(NIOAny(HTTPServerResponsePart.body(.byteBuffer(ByteBuffer(bytes: response.body)))),
                              promise: nil)
            }
            let done = context.writeAndFlush(NIOAny(HTTPServerResponsePart.end(nil)))
            if !head.isKeepAlive {
                let channel = context.channel
                done.whenComplete { _ in channel.close(promise: nil) }
            }
        }

        func errorCaught(context: ChannelHandlerContext, error: any Error) {
            context.close(promise: nil)
        }
    }
}
