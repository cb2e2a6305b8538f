import Foundation

/// The JSON-lines protocol of the liquid-spec conformance runner: one
/// request a line (`template`, `environment`, `filesystem`, `error_mode`,
/// `render_errors`, `now`, `timezone`), one answer a line (`output`, and
/// `error` with its `type` and `message` when parsing or rendering failed).
/// `publish liquid --json` speaks it.
///
/// The runner sends `strict` for a spec that names no error mode, though
/// two of its suites declare another default (`parser_errors`: strict2,
/// `liquid_ruby_lax`: lax); `defaultMode` stands in for `strict` there.
public enum JSONLinesRenderer {
    public static func answer(_ line: String, defaultMode: ErrorMode = .strict) -> String {
        guard case .hash(let request)? = try? JSON.parse(line) else {
            return "{\"error\":{\"type\":\"protocol_error\",\"message\":\"the request is not a JSON object\"},\"output\":\"\"}"
        }
        // The runner says "timezone" is the zone the specs were recorded in,
        // but their expectations (and hints) are in UTC: `'now' | date: '%H'`
        // is 00 at 2024-01-01T00:01:58Z. UTC is used, whatever the request says.
        let zone = TimeZone(identifier: "UTC")!
        var files: [String: String] = [:]
        if case .hash(let filesystem)? = request["filesystem"] {
            for (name, source) in filesystem { files[name] = source.text }
        }
        var environment = Environment(fileSystem: SpecFileSystem(files))
        environment.limits = .none
        var mode = request["error_mode"].flatMap { ErrorMode(rawValue: $0.text) } ?? .strict
        if mode == .strict { mode = defaultMode }
        let template: Template
        do {
            template = try Template(request["template"]?.text ?? "", environment: environment, errorMode: mode)
        } catch let error as LiquidError {
            return encode(output: "", error: ("parse_error", error.rubyClass + ": " + error.description))
        } catch {
            return encode(output: "", error: ("parse_error", "\(error)"))
        }
        var variables: [String: Value] = [:]
        if case .hash(let given)? = request["environment"] {
            for (key, value) in given { variables[key] = value }
        }
        let now = request["now"].flatMap { Time.parse($0.text, in: zone, now: Time(seconds: 0)) }?.shown(in: zone)
        let rendersErrors = request["render_errors"]?.isTruthy ?? false
        let context = Context(environment: environment, variables: variables, errorMode: mode,
                              rendersErrors: rendersErrors, now: now, timeZone: zone)
        do {
            return encode(output: try template.render(context), error: nil)
        } catch let error as LiquidError {
            // A partial's syntax error shows when the partial is rendered.
            return encode(output: "", error: ("render_error", error.rubyClass + ": " + error.description))
        } catch {
            return encode(output: "", error: ("render_error", "\(error)"))
        }
    }

    private static func encode(output: String, error: (type: String, message: String)?) -> String {
        var text = "{\"output\":" + JSON.quoted(output)
        if let error {
            text += ",\"error\":{\"type\":" + JSON.quoted(error.type) + ",\"message\":" + JSON.quoted(error.message) + "}"
        }
        return text + "}"
    }
}

/// Partials as the conformance suite gives them: names without case, with
/// `.liquid` added when no extension is given.
struct SpecFileSystem: FileSystem {
    let files: [String: String]

    init(_ files: [String: String]) {
        var normalized: [String: String] = [:]
        for (name, source) in files { normalized[SpecFileSystem.key(name)] = source }
        self.files = normalized
    }

    static func key(_ name: String) -> String {
        let lower = name.lowercased()
        return lower.hasSuffix(".liquid") ? lower : lower + ".liquid"
    }

    func source(of name: String) throws -> String {
        guard let source = files[SpecFileSystem.key(name)] else {
            throw LiquidError(.fileSystem, "Could not find asset \(name)")
        }
        return source
    }
}
