/// The box `publish serve` lays over every page while the last build had
/// errors, as Hugo and Vite do: a post left out for an error would
/// otherwise show only "not found", and the error scroll by in a terminal
/// the writer is not looking at. It goes when a build has no errors,
/// since every build reloads the page.
enum ErrorOverlay {
    /// The element id, for tests and for anyone styling it away.
    static let id = "publish-errors"

    /// The overlay listing `errors` (`path:line:column: error: message`),
    /// escaped; empty when there are none.
    static func html(_ errors: [String]) -> String {
        guard !errors.isEmpty else { return "" }
        let lines = errors.map { "<li>\(escape($0))</li>" }.joined()
        return "<div id=\"\(id)\" role=\"alert\" style=\"position:fixed;top:0;left:0;right:0;z-index:2147483647;"
            + "max-height:70vh;overflow:auto;margin:0;padding:1em 1.5em;background:#181818;color:#ff8a8a;"
            + "border-bottom:4px solid #e5484d;font:14px/1.5 ui-monospace,Menlo,Consolas,monospace;text-align:left;"
            + "white-space:pre-wrap\"><strong style=\"color:#fff\">publish: the last build had "
            + (errors.count == 1 ? "an error" : "\(errors.count) errors")
            + "; this box goes when they are fixed</strong><ul style=\"margin:.5em 0 0;padding-left:1.2em\">"
            + lines + "</ul></div>"
    }

    /// Text made safe inside an element: a message quotes the writer's
    /// own front matter, which may hold `<`.
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }
}
