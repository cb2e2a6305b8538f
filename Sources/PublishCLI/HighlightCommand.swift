import ArgumentParser
import Foundation
import PublishAST
import PublishHighlight

/// `publish highlight FILE --language go`: code highlighted as the site's
/// code blocks are, written as Rouge writes it; `--list` names the languages.
struct HighlightCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "highlight",
        abstract: "Highlight code, or standard input, as <span class=…> markup to standard output.",
        discussion: """
            The classes are Pygments' and Rouge's short names (k, s2, c1, …), so a stylesheet \
            written for either applies. --list prints every language name a fenced code block may use.
            """)

    @Argument(help: "The code file; standard input when absent.")
    var file: String?

    @Option(name: [.short, .long], help: "The language, as a fenced code block names it: go, sh, yaml, …")
    var language: String?

    @Option(help: ArgumentHelp("A folder of lexer files (NAME.yml, and languages.yml for more names) used before the built-in ones.",
                               valueName: "folder"))
    var lexers: String?

    @Flag(help: "List the languages and the names each is known by.")
    var list = false

    func validate() throws {
        guard list || language != nil else { throw ValidationError("give --language NAME, or --list") }
    }

    func run() throws {
        let catalog = try lexers.map { folder in
            do {
                return try LexerCatalog.standard.overlaid(folder: folder)
            } catch {
                throw Diagnostic.error("cannot read the lexer folder: \(error.localizedDescription)",
                                       at: SourceLocation(path: folder, position: .unknown))
            }
        } ?? LexerCatalog.standard
        if list {
            var byFile: [String: [String]] = [:]
            for (name, file) in catalog.names { byFile[file, default: []].append(name) }
            for file in byFile.keys.sorted() {
                Output.write(Array("\(file): \(byFile[file]!.sorted().joined(separator: ", "))\n".utf8))
            }
            return
        }
        let path = file ?? "<stdin>"
        let code = try InputFile.text(file)
        let name = language ?? ""
        if let file = catalog.names[name.lowercased()] {
            do {
                _ = try catalog.compiledLexer(file)
            } catch {
                throw Diagnostic.error("\(error)", at: SourceLocation(path: file + ".yml", line: 1, column: 1))
            }
        }
        switch Highlighter.highlight(code, language: name, catalog: catalog) {
        case .highlighted(let runs):
            Output.write(Array(SpanFormatter.html(code, runs).utf8))
        case .unknownLanguage:
            throw Diagnostic.error("no lexer for the language `\(language ?? "")` (publish highlight --list names them)",
                                   at: SourceLocation(path: path, line: 1, column: 1))
        case .tooCostly:
            throw Diagnostic.error("the code took too long to highlight; it is left plain",
                                   at: SourceLocation(path: path, line: 1, column: 1))
        }
    }
}
