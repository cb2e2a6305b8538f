import ArgumentParser
import Foundation
import PublishAST
import PublishDelivery

/// `publish subscribers add|remove|import|list`: the newsletter's list, kept
/// in the subscriber database. Each prints one line saying what it did;
/// problems go to standard error as `path:line:column: error: …` and make
/// the exit status non-zero.
struct SubscribersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "subscribers",
        abstract: "Add, remove, import and list the newsletter's subscribers.",
        subcommands: [Add.self, Remove.self, Import.self, List.self])

    /// Where the list is: the site folder and the database in it.
    struct Place: ParsableArguments {
        @Option(help: "The site folder.")
        var source: String = "."

        @OptionGroup var database: DatabaseOption

        func list() throws -> SubscriberList {
            SubscriberList(database: try database.open(source: URL(fileURLWithPath: source).standardizedFileURL))
        }
    }

    /// `subscribers add EMAIL [--name NAME]`.
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a subscriber, or make an unsubscribed one active again.")

        @Argument(help: "The address.")
        var email: String

        @Option(help: "The subscriber's name.")
        var name: String = ""

        @OptionGroup var place: Place

        func run() throws {
            let line = try SubscribersCommand.reporting {
                switch try place.list().add(email: email, name: name) {
                case .added(let subscriber): "added \(subscriber.email)"
                case .reactivated(let subscriber): "reactivated \(subscriber.email)"
                case .updated(let subscriber): "updated \(subscriber.email): \(subscriber.name)"
                case .unchanged(let subscriber): "unchanged \(subscriber.email)"
                }
            }
            SubscribersCommand.say(line)
        }
    }

    /// `subscribers remove EMAIL`.
    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Delete a subscriber and what was sent to them.")

        @Argument(help: "The address.")
        var email: String

        @OptionGroup var place: Place

        func run() throws {
            let removed = try SubscribersCommand.reporting { try place.list().remove(email: email) }
            guard removed else {
                Diagnostics.report(.error("'\(email)' is not on the list"))
                throw ExitCode.failure
            }
            SubscribersCommand.say("removed \(email)")
        }
    }

    /// `subscribers import FILE.csv`.
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import a CSV file with an `email` column and optionally a `name` column.")

        @Argument(help: ArgumentHelp("The CSV file.", valueName: "file.csv"))
        var file: String

        @OptionGroup var place: Place

        func run() throws {
            let report = try SubscribersCommand.reporting {
                guard let data = FileManager.default.contents(atPath: file) else {
                    throw Diagnostic.error("cannot read the file", at: SourceLocation(path: file, position: .unknown))
                }
                return try place.list().importCSV(String(decoding: data, as: UTF8.self), path: file)
            }
            report.problems.forEach(Diagnostics.report)
            var parts = ["imported \(report.added)", "updated \(report.updated)", "unchanged \(report.unchanged)"]
            if report.keptUnsubscribed > 0 { parts.append("kept \(report.keptUnsubscribed) unsubscribed") }
            parts.append("\(report.problems.count) problem\(report.problems.count == 1 ? "" : "s")")
            SubscribersCommand.say(parts.joined(separator: ", "))
            if !report.problems.isEmpty { throw ExitCode.failure }
        }
    }

    /// `subscribers list`: `email<TAB>name<TAB>status`, by id.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print every subscriber: address, name and status, separated by tabs.")

        @OptionGroup var place: Place

        func run() throws {
            let subscribers = try SubscribersCommand.reporting { try place.list().all() }
            let lines = subscribers.map {
                "\($0.email)\t\(SubscribersCommand.oneLine($0.name))\t\($0.status.rawValue)\n"
            }
            Output.write(Array(lines.joined().utf8))
        }
    }

    /// Runs `body`; a thrown error is printed, and exits with status 1.
    static func reporting<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch {
            // Every problem of a pipeline file at once (a `DiagnosticList`), each on its line.
            Diagnostic.all(in: error).forEach(Diagnostics.report)
        }
        throw ExitCode.failure
    }

    static func say(_ line: String) {
        Output.write(Array((line + "\n").utf8))
    }

    /// A name as one field of a tab-separated line.
    static func oneLine(_ text: String) -> String {
        String(text.map { $0 == "\t" || $0.isNewline ? " " : $0 })
    }
}
