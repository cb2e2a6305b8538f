import ArgumentParser
import Foundation
import PublishAST
import PublishDelivery

/// `--database`: the subscriber database, shared by the commands that read
/// or change the list (`subscribers`, `unsubscribe-server`, `send`).
struct DatabaseOption: ParsableArguments {
    @Option(help: ArgumentHelp("The subscriber database; default SOURCE/subscribers.db", valueName: "file"))
    var database: String?

    /// The file: `--database`, else `subscribers.db` in the site folder.
    func url(source: URL) -> URL {
        database.map { URL(fileURLWithPath: $0) } ?? source.appendingPathComponent(DeliveryDatabase.fileName)
    }

    /// Opens the database, creating the file and its tables when missing.
    ///
    /// - Throws: a `Diagnostic` naming the file when it cannot be opened.
    func open(source: URL) throws -> DeliveryDatabase {
        let file = url(source: source)
        do {
            return try DeliveryDatabase(path: file.path)
        } catch {
            throw Diagnostic.error("cannot open the subscriber database: \(error)",
                                   at: SourceLocation(path: file.path, position: .unknown))
        }
    }
}
