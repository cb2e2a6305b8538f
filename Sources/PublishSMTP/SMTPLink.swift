import NIOCore

/// The async face of one channel: sends a command and waits for its reply,
/// writes bytes, closes. Turns channel failures into `SMTPError`s for the
/// stage the caller names, and closes the connection on a 421.
struct SMTPLink: Sendable {
    let channel: any Channel
    let handler: NIOLoopBound<SMTPClientHandler>
    /// The server's host, for error messages.
    let host: String

    /// The server's greeting.
    func greeting() async throws -> SMTPReply {
        let handler = self.handler
        return try await mapped(stage: .greeting) {
            try await channel.eventLoop.flatSubmit { handler.value.greeting }.get()
        }
    }

    /// Sends `command` and a CRLF and returns the reply, whatever its code.
    /// - Parameters:
    ///   - stage: the stage named in an error.
    ///   - unsentStage: the stage named when the command could not be
    ///     written (for ".", `.message`: the end was never sent).
    ///   - startsTLS: STARTTLS, whose 220 puts TLS in front.
    func exchange(_ command: String, stage: SMTPStage, unsentStage: SMTPStage? = nil,
                  startsTLS: Bool = false, timeout: TimeAmount? = nil) async throws -> SMTPReply {
        var bytes = channel.allocator.buffer(capacity: command.utf8.count + 2)
        bytes.writeString(command)
        bytes.writeString("\r\n")
        let handler = self.handler
        let request = bytes
        return try await mapped(stage: stage, unsentStage: unsentStage) {
            try await channel.eventLoop.flatSubmit {
                handler.value.request(request, startsTLS: startsTLS, timeout: timeout)
            }.get()
        }
    }

    /// Writes `commands` in one go (RFC 2920 pipelining) and returns each
    /// one's reply, or the error for its stage, in order.
    func pipeline(_ commands: [(command: String, stage: SMTPStage)]) async -> [Result<SMTPReply, SMTPError>] {
        var bytes = channel.allocator.buffer(capacity: commands.reduce(0) { $0 + $1.command.utf8.count + 2 })
        for (command, _) in commands {
            bytes.writeString(command)
            bytes.writeString("\r\n")
        }
        let handler = self.handler
        let request = bytes
        let count = commands.count
        let futures: [EventLoopFuture<SMTPReply>]
        do {
            // The waiters are queued and the bytes written in one turn of the event loop.
            futures = try await channel.eventLoop.submit {
                (0..<count).map { handler.value.request($0 == count - 1 ? request : nil) }
            }.get()
        } catch {
            return commands.map { .failure(.connectionLost(stage: $0.stage)) }
        }
        var replies: [Result<SMTPReply, SMTPError>] = []
        for (future, (_, stage)) in zip(futures, commands) {
            do {
                replies.append(.success(try await mapped(stage: stage) { try await future.get() }))
            } catch let error as SMTPError {
                replies.append(.failure(error))
            } catch {
                replies.append(.failure(.connectionLost(stage: stage)))
            }
        }
        return replies
    }

    /// Writes `bytes` as they are (the message after DATA).
    func write(_ bytes: ByteBuffer, stage: SMTPStage) async throws {
        let handler = self.handler
        try await mapped(stage: stage) {
            try await channel.eventLoop.flatSubmit { handler.value.write(bytes) }.get()
        }
    }

    /// True once TLS is up.
    func isEncrypted() async -> Bool {
        let handler = self.handler
        return (try? await channel.eventLoop.submit { handler.value.isEncrypted }.get()) ?? false
    }

    /// True while the connection is up.
    var isActive: Bool { channel.isActive }

    /// Closes the connection at once, without QUIT.
    func abandon() async {
        try? await channel.close().get()
    }

    /// QUIT when the connection is up (waiting a bounded time for the
    /// reply), then close. Never throws.
    func quit(timeout: TimeAmount) async {
        if channel.isActive {
            _ = try? await exchange("QUIT", stage: .reset, timeout: timeout)
        }
        await abandon()
    }

    /// Runs `body`, turning a `SMTPLinkFailure` into the `SMTPError` for the stage.
    private func mapped<T>(stage: SMTPStage, unsentStage: SMTPStage? = nil,
                           _ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let failure as SMTPLinkFailure {
            if case .notSent = failure, let unsentStage {
                throw SMTPError.connectionLost(stage: unsentStage)
            }
            throw failure.error(at: stage, host: host)
        }
    }
}
