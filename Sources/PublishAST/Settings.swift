/// The options of a stage or an output as a pipeline file gives them. Each
/// reads the keys it knows with the typed getters, then calls `finish()`,
/// which refuses any key it did not read, naming the nearest known one.
public struct Settings: Sendable {
    /// What the options belong to, in messages: "stage `tables`".
    public let owner: String
    private let values: YAMLMapping
    /// Where each key was written, for errors about it.
    private let locations: [String: SourceLocation]
    /// Where the block itself was written, for errors with no key of their own.
    private let location: SourceLocation?
    private var known: [String] = []

    public init(owner: String, values: YAMLMapping = YAMLMapping(), locations: [String: SourceLocation] = [:],
                at location: SourceLocation? = nil) {
        self.owner = owner
        self.values = values
        self.locations = locations
        self.location = location
    }

    public mutating func bool(_ key: String, default fallback: Bool) throws -> Bool {
        known.append(key)
        guard let value = values[key] else { return fallback }
        guard case .bool(let flag) = value else { throw wrongKind(key, "true or false") }
        return flag
    }

    public mutating func int(_ key: String, default fallback: Int) throws -> Int {
        known.append(key)
        guard let value = values[key] else { return fallback }
        guard case .int(let number) = value else { throw wrongKind(key, "a whole number") }
        return number
    }

    /// A number, whole or not (`rate: 0.5`).
    public mutating func number(_ key: String, default fallback: Double) throws -> Double {
        known.append(key)
        guard let value = values[key] else { return fallback }
        switch value {
        case .int(let number): return Double(number)
        case .double(let number) where number.isFinite: return number
        default: throw wrongKind(key, "a number")
        }
    }

    public mutating func string(_ key: String, default fallback: String) throws -> String {
        known.append(key)
        guard let value = values[key] else { return fallback }
        guard case .string(let text) = value else { throw wrongKind(key, "text") }
        return text
    }

    /// A mapping under `key` as settings of their own (`smtp: {url, tls}`),
    /// checked with the same care; empty when the key is absent.
    public mutating func nested(_ key: String) throws -> Settings {
        known.append(key)
        var inner = YAMLMapping()
        if let value = values[key] {
            guard case .mapping(let mapping) = value else { throw wrongKind(key, "a mapping of options") }
            inner = mapping
        }
        var innerLocations: [String: SourceLocation] = [:]
        for (path, location) in locations where path.hasPrefix(key + ".") {
            innerLocations[String(path.dropFirst(key.count + 1))] = location
        }
        return Settings(owner: "`\(key)` of \(owner)", values: inner, locations: innerLocations,
                        at: locations[key] ?? location)
    }

    /// A list of mappings under `key` (`books: [{…}, {…}]`), each as
    /// settings of its own; empty when the key is absent.
    public mutating func blocks(_ key: String) throws -> [Settings] {
        known.append(key)
        guard let value = values[key] else { return [] }
        guard case .sequence(let items) = value else { throw wrongKind(key, "a list of mappings") }
        return try items.enumerated().map { index, item in
            guard case .mapping(let mapping) = item else { throw wrongKind(key, "a list of mappings") }
            let prefix = "\(key)[\(index)]."
            var innerLocations: [String: SourceLocation] = [:]
            for (path, location) in locations where path.hasPrefix(prefix) {
                innerLocations[String(path.dropFirst(prefix.count))] = location
            }
            return Settings(owner: "entry \(index + 1) of `\(key)` of \(owner)", values: mapping,
                            locations: innerLocations, at: locations["\(key)[\(index)]"] ?? locations[key] ?? location)
        }
    }

    /// Whether the block sets `key` at all.
    public func has(_ key: String) -> Bool { values[key] != nil }

    /// A list of text under `key`; empty when the key is absent.
    public mutating func strings(_ key: String) throws -> [String] {
        known.append(key)
        guard let value = values[key] else { return [] }
        guard case .sequence(let items) = value, case let texts = items.compactMap(\.scalarText),
              texts.count == items.count else { throw wrongKind(key, "a list of text") }
        return texts
    }

    /// One of `choices`, as text.
    public mutating func choice(_ key: String, of choices: [String], default fallback: String) throws -> String {
        let text = try string(key, default: fallback)
        guard choices.contains(text) else {
            throw Diagnostic.error("option `\(key)` of \(owner) is '\(text)'; it takes one of: "
                                   + choices.joined(separator: ", "), at: locations[key] ?? location)
        }
        return text
    }

    /// Refuses every key no getter asked for, all of them at once (a
    /// `DiagnosticList` when there are several), so a block with two
    /// typos takes one run to fix, not two.
    public func finish() throws {
        try DiagnosticList.throwIfAny(values.keys.filter { !known.contains($0) }.map { key in
            var message = "\(owner) has no option `\(key)`"
            if let near = Spelling.nearest(to: key, among: known) { message += " (did you mean `\(near)`?)" }
            return Diagnostic.error(message, at: locations[key] ?? location)
        })
    }

    private func wrongKind(_ key: String, _ kind: String) -> Diagnostic {
        .error("option `\(key)` of \(owner) must be \(kind)", at: locations[key] ?? location)
    }
}

extension Settings {
    /// An error about this block as a whole, located at the block.
    public func error(_ message: String) -> Diagnostic {
        .error(message, at: location)
    }
}
