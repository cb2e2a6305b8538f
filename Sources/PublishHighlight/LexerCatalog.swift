import Foundation
import Yams

/// The lexers by the names a fenced block's info string uses: `go`,
/// `golang`, `sh`, `yml`. `languages.yml` lists each lexer file with its
/// names; a file is read and compiled the first time a block asks for it.
public final class LexerCatalog: @unchecked Sendable {
    /// The lexers in `assets/highlight/`.
    public static let standard = LexerCatalog(index: Embedded.index, files: Embedded.files)

    private let fileByName: [String: String]
    private let files: [String: String]
    private let lock = NSLock()
    private var compiled: [String: Lexer] = [:]
    private var failures: [String: String] = [:]

    /// `index` is `languages.yml`; `files` holds each lexer file's text by
    /// its name without `.yml`.
    public convenience init(index: String, files: [String: String]) {
        self.init(names: LexerCatalog.names(in: index), files: files)
    }

    private init(names: [String: String], files: [String: String]) {
        var byName = names
        for file in files.keys where byName[file.lowercased()] == nil { byName[file.lowercased()] = file }
        fileByName = byName
        self.files = files
    }

    /// Every name in a `languages.yml`, and its file.
    static func names(in index: String) -> [String: String] {
        var byName: [String: String] = [:]
        guard let mapping = (try? Yams.compose(yaml: index))??.mapping else { return byName }
        for (key, value) in mapping {
            guard let file = key.string else { continue }
            byName[file.lowercased()] = file
            for alias in value.sequence ?? [] {
                if let alias = alias.string { byName[alias.lowercased()] = file }
            }
        }
        return byName
    }

    /// These lexers with the files of `folder` added or put in their place:
    /// every `NAME.yml` there, and its `languages.yml` read over this one's.
    public func overlaid(folder: String) throws -> LexerCatalog {
        var names = fileByName
        var files = self.files
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) where name.hasSuffix(".yml") {
            let text = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
            if name == "languages.yml" {
                names.merge(LexerCatalog.names(in: text)) { _, theirs in theirs }
            } else {
                files[String(name.dropLast(4))] = text
            }
        }
        return LexerCatalog(names: names, files: files)
    }

    /// Every name a block may use, and the file each leads to.
    public var names: [String: String] { fileByName }

    /// The lexer a name leads to, or nil for a language it does not know.
    public func lexer(named name: String) -> Lexer? {
        guard let file = fileByName[name.lowercased()] else { return nil }
        return try? compiledLexer(file)
    }

    /// The lexer in `file`, compiled once.
    public func compiledLexer(_ file: String) throws -> Lexer {
        lock.lock()
        defer { lock.unlock() }
        if let lexer = compiled[file] { return lexer }
        if let failure = failures[file] { throw Lexer.DefinitionError(message: failure) }
        do {
            guard let text = files[file] else { throw Lexer.DefinitionError(message: "no lexer file \(file).yml") }
            let lexer = try Lexer(yaml: text)
            compiled[file] = lexer
            return lexer
        } catch {
            failures[file] = "\(file).yml: \(error)"
            throw error
        }
    }
}
