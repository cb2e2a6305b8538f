import Foundation
import PublishAST

/// Diagnostics as they come, then a closing line; remembers whether any
/// was an error, for the exit status.
///
/// The closing line starts with how many errors and warnings there were
/// ("publish: 1 error, 20 warnings; built 214 posts …") and names the posts
/// an error left out: a build that drops a post still builds everything
/// else, so a line saying only "built" would hide the error scrolled above.
struct Report {
    let quiet: Bool
    var verbose = false
    private(set) var hasErrors = false
    private(set) var errorCount = 0
    private(set) var warningCount = 0
    /// Every error reported, for `serve`'s overlay.
    private(set) var errors: [Diagnostic] = []
    /// Whether the build stopped before writing anything (a broken
    /// configuration): `serve` then tries no other outputs.
    var nothingBuilt = false
    /// Warnings printed by an earlier build of the same `serve`, not
    /// printed again; nil prints every warning.
    private let warningsShown: ShownMessages?
    /// Errors printed by an earlier pass of the same rebuild (`serve`
    /// builds the pages, then the other outputs, reading the posts twice).
    private let errorsShown: ShownMessages?
    private var newWarnings = 0
    private let started = Date()
    /// A progress line is shown only to a person at a terminal.
    private let isTerminal = isatty(STDERR_FILENO) != 0
    private var progressShown = false

    init(quiet: Bool, verbose: Bool = false, warningsShown: ShownMessages? = nil, errorsShown: ShownMessages? = nil) {
        self.quiet = quiet
        self.verbose = verbose
        self.warningsShown = warningsShown
        self.errorsShown = errorsShown
    }

    /// "1 post", "2 posts".
    static func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }

    /// Replaces the progress line on a terminal; prints nothing elsewhere.
    mutating func progress(_ text: String) {
        guard isTerminal, !quiet else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[2Kpublish: \(text)".utf8))
        progressShown = true
    }

    private mutating func clearProgress() {
        guard progressShown else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
        progressShown = false
    }

    mutating func add(_ diagnostics: [Diagnostic]) {
        if !diagnostics.isEmpty { clearProgress() }
        for diagnostic in diagnostics {
            if diagnostic.severity == .note {
                if verbose, !quiet { Diagnostics.report(diagnostic) }
                continue
            }
            if diagnostic.severity == .error {
                hasErrors = true
                errorCount += 1
                errors.append(diagnostic)
                if let errorsShown, !errorsShown.isNew(diagnostic.description) { continue }
                Diagnostics.report(diagnostic)
            } else {
                warningCount += 1
                if let warningsShown, !warningsShown.isNew(diagnostic.description) { continue }
                newWarnings += 1
                if !quiet { Diagnostics.report(diagnostic) }
            }
        }
    }

    /// How long one phase of the build took, with `--verbose`.
    mutating func phase(_ name: String, seconds: Double) {
        guard verbose, !quiet else { return }
        clearProgress()
        FileHandle.standardError.write(Data(String(format: "publish: %6.0f ms  %@\n", seconds * 1000, name).utf8))
    }

    /// Runs `body` as the phase `name`, timed with `--verbose`.
    mutating func timed<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        defer { phase(name, seconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9) }
        return try body()
    }

    /// The closing line, counts first; then the posts left out, at most
    /// ten by name.
    mutating func summary(_ line: String, leftOut: [String] = []) {
        clearProgress()
        guard !quiet else { return }
        var counts: [String] = []
        if errorCount > 0 { counts.append(Report.count(errorCount, "error")) }
        if warningCount > 0 {
            var warnings = Report.count(warningCount, "warning")
            if warningsShown != nil, newWarnings < warningCount { warnings += " (\(newWarnings) new)" }
            counts.append(warnings)
        }
        let prefix = counts.isEmpty ? "" : counts.joined(separator: ", ") + "; "
        let seconds = verbose ? String(format: " in %.2f s", Date().timeIntervalSince(started)) : ""
        var text = "publish: \(prefix)\(line)\(seconds)\n"
        if !leftOut.isEmpty {
            let shown = leftOut.prefix(10).joined(separator: ", ")
            let more = leftOut.count > 10 ? " and \(leftOut.count - 10) more" : ""
            text += "publish: \(Report.count(leftOut.count, "post")) left out for their errors: \(shown)\(more)\n"
        }
        FileHandle.standardError.write(Data(text.utf8))
    }
}

/// The warnings one `publish serve` has printed, so each rebuild prints
/// only the ones that are new: a site with twenty standing warnings would
/// otherwise bury the one a save just caused.
final class ShownMessages: @unchecked Sendable {
    private var shown: Set<String> = []
    private let lock = NSLock()

    /// True the first time `text` is seen.
    func isNew(_ text: String) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return shown.insert(text).inserted
    }
}
