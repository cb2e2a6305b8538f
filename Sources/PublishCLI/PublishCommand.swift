import ArgumentParser

/// `publish`: the command line. Asynchronous, for `send`.
@available(macOS 10.15, macCatalyst 13, iOS 13, tvOS 13, watchOS 6, *)
public struct PublishCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "One Markdown source, every format: HTML, EPUB, Atom and email.",
        version: PublishVersion.current,
        subcommands: [BuildCommand.self, ServeCommand.self, RenderCommand.self, LiquidCommand.self, NewCommand.self, SendCommand.self,
                      SubscribersCommand.self, UnsubscribeServerCommand.self],
        defaultSubcommand: BuildCommand.self)

    public init() {}
}

enum PublishVersion {
    static let current = "0.1.0"
}

extension PublishCommand {
    /// Parses the arguments and runs the command, awaiting the ones that
    /// are asynchronous (`send`). `main.swift` calls this rather than
    /// `main()`, whose synchronous overload top-level code would pick.
    public static func start() async {
        do {
            var command = try parseAsRoot()
            if var asynchronous = command as? AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}
