import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOPosix
import PublishPipeline

/// Serves a built site on 127.0.0.1 for `publish serve`. Every HTML page
/// gets a small script that asks `/__publish/build` once a second and
/// reloads when a new build has been swapped in, and, while the last build
/// had errors, the `ErrorOverlay` listing them. A missing page is answered
/// with a page carrying both, so a post left out for an error shows its
/// error and comes back by itself once fixed. The default
/// `ConnectionLimits` keep a stuck or slow client from holding sockets.
final class PreviewServer: Sendable {
    let root: URL
    private let build = NIOLockedValueBox(0)
    private let errors = NIOLockedValueBox<[String]>([])
    private let connections = ConnectionGuard(limits: ConnectionLimits())

    init(root: URL) {
        self.root = root
    }

    /// A new build is in place, with these errors (none: the overlay
    /// goes): pages reload.
    func announceBuild(errors: [String] = []) {
        self.errors.withLockedValue { $0 = errors }
        build.withLockedValue { $0 += 1 }
    }

    var buildNumber: Int { build.withLockedValue { $0 } }
    var lastErrors: [String] { errors.withLockedValue { $0 } }

    func start(port: Int, group: MultiThreadedEventLoopGroup) throws -> Channel {
        try ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try self.connections.configureHTTPServerPipeline(channel)
                    try channel.pipeline.syncOperations.addHandler(Handler(server: self))
                }
            }
            .bind(host: "127.0.0.1", port: port).wait()
    }

    /// What to answer for a request path: status, content type and body.
    func respond(to path: String) -> (HTTPResponseStatus, String, [UInt8]) {
        if path == "/__publish/build" {
            return (.ok, "text/plain; charset=utf-8", Array(String(buildNumber).utf8))
        }
        let clean = (path.split(separator: "?").first.map(String.init) ?? "/").removingPercentEncoding ?? "/"
        let segments = clean.split(separator: "/")
        guard !segments.contains(where: { $0 == ".." }) else { return (.forbidden, "text/plain", Array("forbidden".utf8)) }
        var file = root.appendingPathComponent(segments.joined(separator: "/"))
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: file.path, isDirectory: &isDirectory), isDirectory.boolValue {
            file.appendPathComponent("index.html")
        } else if !FileManager.default.fileExists(atPath: file.path) {
            file = file.appendingPathExtension("html")
        }
        let isPage = ["", "html", "htm"].contains((clean as NSString).pathExtension.lowercased())
        // Never a file whose path, links resolved, is outside the output folder.
        guard let resolved = SiteBoundary.resolve(file, inside: root.resolvingSymlinksInPath().path) else {
            let missing = !FileManager.default.fileExists(atPath: file.path)
            return missing ? notFound(clean, page: isPage)
                           : (.forbidden, "text/plain", Array("forbidden".utf8))
        }
        guard let data = FileManager.default.contents(atPath: resolved) else {
            return notFound(clean, page: isPage)
        }
        let type = Self.contentTypes[file.pathExtension.lowercased()] ?? "application/octet-stream"
        guard type.hasPrefix("text/html") else { return (.ok, type, Array(data)) }
        return (.ok, type, Array(withReloadAndErrors(String(decoding: data, as: UTF8.self)).utf8))
    }

    /// The answer for a path with nothing behind it. A page (a path that
    /// would be an HTML file) gets a small page that reloads with the
    /// others and shows the errors: the post is likely left out for one.
    private func notFound(_ path: String, page: Bool) -> (HTTPResponseStatus, String, [UInt8]) {
        guard page else { return (.notFound, "text/plain; charset=utf-8", Array("not found: \(path)".utf8)) }
        let body = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>not found</title></head>"
            + "<body><p>not found: \(ErrorOverlay.escape(path))</p></body></html>"
        return (.notFound, "text/html; charset=utf-8", Array(withReloadAndErrors(body).utf8))
    }

    /// `page` with the reload script, and the error overlay while the last
    /// build had errors, before its `</body>`.
    private func withReloadAndErrors(_ page: String) -> String {
        var page = page
        let script = ErrorOverlay.html(lastErrors)
            + "<script>(function(){let b=\(buildNumber);setInterval(async()=>{try{const r=await fetch('/__publish/build');"
            + "if(Number(await r.text())!==b)location.reload()}catch(e){}},1000)})()</script>"
        if let end = page.range(of: "</body>", options: .backwards) {
            page.insert(contentsOf: script, at: end.lowerBound)
        } else {
            page += script
        }
        return page
    }

    static let contentTypes = [
        "html": "text/html; charset=utf-8", "css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8",
        "xml": "application/xml", "json": "application/json", "svg": "image/svg+xml", "png": "image/png",
        "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif", "webp": "image/webp", "txt": "text/plain; charset=utf-8",
        "epub": "application/epub+zip", "eml": "message/rfc822",
    ]

    private final class Handler: ChannelInboundHandler, Sendable {
        typealias InboundIn = HTTPServerRequestPart
        typealias OutboundOut = HTTPServerResponsePart
        let server: PreviewServer

        init(server: PreviewServer) {
            self.server = server
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            guard case .head(let request) = unwrapInboundIn(data) else { return }
            let (status, type, body) = server.respond(to: request.uri)
            var headers = HTTPHeaders()
            headers.add(name: "Content-Type", value: type)
            headers.add(name: "Content-Length", value: String(body.count))
            headers.add(name: "Cache-Control", value: "no-store")
            context.write(wrapOutboundOut(.head(HTTPResponseHead(version: request.version, status: status, headers: headers))),
                          promise: nil)
            context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: body)))), promise: nil)
            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        }
    }
}
