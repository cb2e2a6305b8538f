import ArgumentParser

/// `publish`: the command line.
public struct PublishCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "One Markdown source, every format: HTML, EPUB, Atom and email.",
        version: PublishVersion.current,
        subcommands: [BuildCommand.self, ServeCommand.self, RenderCommand.self, NewCommand.self,
                      SubscribersCommand.self, UnsubscribeServerCommand.self],
        defaultSubcommand: BuildCommand.self)

    public init() {}
}

enum PublishVersion {
    static let current = "0.1.0"
}
