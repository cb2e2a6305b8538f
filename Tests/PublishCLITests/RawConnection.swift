import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A TCP client on loopback that talks to a server byte by byte and waits
/// with bounds, to play the slow or greedy client: it sees whether the
/// server has closed without hanging the tests.
final class RawConnection {
    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    /// One answer: its status, head (without the blank line) and body.
    struct Response {
        var status: Int
        var head: String
        var body: String
    }

    private let fd: Int32
    /// Bytes read after the last whole response.
    private var pending: [UInt8] = []

    /// Connects to 127.0.0.1:`port`, from the local address `source` if
    /// given (127.0.0.2 is another client on Linux's loopback).
    init(port: Int, from source: String? = nil) throws {
        #if os(Linux)
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw Failure("no socket") }
        #if !os(Linux)
        var on: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &on, socklen_t(MemoryLayout<Int32>.size))
        #endif
        if let source {
            var local = Self.address(source, port: 0)
            let bound = withUnsafePointer(to: &local) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
            guard bound == 0 else {
                close(fd)
                throw Failure("cannot bind to \(source)")
            }
        }
        var remote = Self.address("127.0.0.1", port: port)
        let connected = withUnsafePointer(to: &remote) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            close(fd)
            throw Failure("cannot connect to port \(port)")
        }
    }

    deinit {
        close(fd)
    }

    private static func address(_ host: String, port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr(host)
        return address
    }

    /// Sends all of `bytes`; false once the server has closed.
    @discardableResult
    func send(_ bytes: [UInt8]) -> Bool {
        var sent = 0
        while sent < bytes.count {
            #if os(Linux)
            let count = bytes[sent...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            #else
            let count = bytes[sent...].withUnsafeBytes { Darwin.send(fd, $0.baseAddress, $0.count, 0) }
            #endif
            guard count > 0 else { return false }
            sent += count
        }
        return true
    }

    @discardableResult
    func send(_ text: String) -> Bool { send(Array(text.utf8)) }

    private enum Received { case bytes([UInt8]), closed, nothing }

    /// What comes within `seconds`: bytes, the server's close (end of
    /// stream or reset), or nothing.
    private func receive(within seconds: Double) -> Received {
        var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, Int32(seconds * 1000)) > 0 else { return .nothing }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        return count > 0 ? .bytes(Array(buffer[0..<count])) : .closed
    }

    /// Whether the server closes the connection within `seconds`; what it
    /// sends meanwhile is kept for `readToEnd`.
    func closed(within seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while true {
            switch receive(within: max(0, deadline.timeIntervalSinceNow)) {
            case .bytes(let bytes): pending += bytes
            case .closed: return true
            case .nothing: return false
            }
        }
    }

    /// Everything until the server closes, waiting at most `seconds`, as text.
    func readToEnd(within seconds: Double) -> String {
        _ = closed(within: seconds)
        defer { pending = [] }
        return String(decoding: pending, as: UTF8.self)
    }

    /// The next whole response (its body as long as Content-Length says),
    /// waiting at most `seconds`.
    func response(within seconds: Double) throws -> Response {
        let deadline = Date().addingTimeInterval(seconds)
        while true {
            if let response = try takeResponse() { return response }
            let left = deadline.timeIntervalSinceNow
            guard left > 0, case .bytes(let bytes) = receive(within: left) else {
                throw Failure("no whole response; got '\(String(decoding: pending, as: UTF8.self))'")
            }
            pending += bytes
        }
    }

    private func takeResponse() throws -> Response? {
        guard let split = pending.indices.first(where: { pending[$0...].starts(with: [13, 10, 13, 10]) }) else {
            return nil
        }
        let head = String(decoding: pending[..<split], as: UTF8.self)
        guard let status = Int(head.dropFirst(9).prefix(3)) else { throw Failure("not an HTTP response: '\(head)'") }
        let length = head.split(separator: "\r\n").lazy
            .compactMap { line -> Int? in
                let parts = line.split(separator: ":", maxSplits: 1)
                guard parts.count == 2, parts[0].lowercased() == "content-length" else { return nil }
                return Int(parts[1].trimmingCharacters(in: .whitespaces))
            }.first ?? 0
        let start = split + 4
        guard pending.count >= start + length else { return nil }
        let body = String(decoding: pending[start..<start + length], as: UTF8.self)
        pending.removeFirst(start + length)
        return Response(status: status, head: head, body: body)
    }
}
