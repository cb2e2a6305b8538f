import PublishAST
import PublishHighlight

/// `highlight`: a fenced code block that names its language gets its text
/// split into tokens (`CodeTokens` on the block), which every writer then
/// colours its own way: classes in the site and the book, inline colours in
/// the newsletter. The language is the info string's first word, by any
/// name Rouge or Pygments gives it (`go`, `golang`, `sh`, `yml`); a name no
/// lexer has leaves the block plain, as Rouge does, with a note that
/// `--verbose` shows.
///
/// Options: `line_numbers` (default false) numbers every highlighted
/// block's lines; `enabled: false` turns the stage off for the site, and
/// `highlight: false` in a post's front matter for that post. A block from
/// `{% highlight X linenos %}` is numbered either way.
///
/// Highlighting has a budget of steps proportional to the block's length:
/// a block a lexer would take too long over stays plain, with a warning.
public struct Highlight: Stage {
    public static let name = "highlight"

    public let enabled: Bool
    public let lineNumbers: Bool

    public init(options: Settings) throws {
        var options = options
        enabled = try options.bool("enabled", default: true)
        lineNumbers = try options.bool("line_numbers", default: false)
        try options.finish()
    }

    public init(enabled: Bool = true, lineNumbers: Bool = false) {
        self.enabled = enabled
        self.lineNumbers = lineNumbers
    }

    public func run(_ document: inout Document, context: inout StageContext) {
        guard enabled, document.metadata.extra["highlight"] != .bool(false) else { return }
        var blocks: [(NodeID, String, String)] = []
        for case .enter(let node) in document.events() {
            if case .block(.codeBlock(let info, let code)) = document.kind(of: node), !code.isEmpty {
                blocks.append((node, info, code))
            }
        }
        for (node, info, code) in blocks {
            let words = info.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard var language = words.first.map(String.init) else { continue }
            if language.hasPrefix("language-") { language.removeFirst("language-".count) }
            // mdBook's and rustdoc's `rust,ignore`: the language, then attributes.
            if let comma = language.firstIndex(of: ","), comma > language.startIndex {
                language = String(language[..<comma])
            }
            switch Highlighter.highlight(code, language: language) {
            case .highlighted(let runs):
                let numbered = lineNumbers || (words.contains("jekyll-highlight") && words.contains("linenos"))
                let tokens = CodeTokens(runs: runs.map { CodeTokens.Run(length: $0.length, className: $0.type.shortClass) },
                                        lineNumbers: numbered)
                document.updateAttributes(of: node) { $0.tokens = tokens }
            case .unknownLanguage:
                // As Rouge does: plain. Said only with --verbose, since many
                // blocks name a language for the reader's sake alone.
                context.report(.note("no lexer knows the language `\(language)`; the block is left plain "
                                     + "(`publish highlight --list` names them)", at: document.location(of: node)))
            case .tooCostly:
                context.warn("this `\(language)` code block would take too long to highlight; it is left plain",
                             at: node, in: document)
            }
        }
    }
}
