import ArgumentParser
import Foundation
import PublishAST

/// `publish`: the command line. Asynchronous, for `send`.
@available(macOS 10.15, macCatalyst 13, iOS 13, tvOS 13, watchOS 6, *)
public struct PublishCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "One Markdown source, every format: HTML, EPUB, Atom and email.",
        version: PublishVersion.current,
        subcommands: [BuildCommand.self, ServeCommand.self, RenderCommand.self, LiquidCommand.self, HighlightCommand.self,
                      NewCommand.self, SendCommand.self,
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
            if let guess = nearestSubcommand(to: CommandLine.arguments.dropFirst().first), exitCode(for: error) != .success {
                // ArgumentParser's own message, then the guess; its exit status.
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\nDid you mean `publish \(guess)`?\n").utf8))
                Foundation.exit(exitCode(for: error).rawValue)
            }
            exit(withError: error)
        }
    }

    /// The subcommand `word` is likely a typo of (`buidl`: `build`), or nil
    /// when it is an option, a subcommand, or near none. With `build` the
    /// default subcommand, ArgumentParser reads a mistyped name as an
    /// unexpected argument of `build` and says nothing of the names.
    static func nearestSubcommand(to word: String?) -> String? {
        guard let word, !word.hasPrefix("-") else { return nil }
        let names = configuration.subcommands.map { $0._commandName }
        guard !names.contains(word) else { return nil }
        return Spelling.nearest(to: word, among: names)
    }
}
