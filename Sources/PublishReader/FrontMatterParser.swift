import PublishAST
import Yams

/// Turns front matter YAML into typed `Metadata`, with Jekyll's reading of
/// each key. Every error points at the file, line and column at fault.
struct FrontMatterParser {
    let path: String
    /// What the YAML is, in messages: "front matter", "pipeline file".
    var subject = "front matter"
    /// The file line the YAML's first line is on.
    let firstLine: Int
    let yaml: Substring
    /// The YAML's lines, split on first use and kept: a pipeline file asks
    /// the location of every key, and splitting for each was quadratic.
    private let lines = LineCache()

    /// Flow collections (`[[[…]]]`) nested deeper than this are refused
    /// before Yams sees them: its composer recurses.
    static let maximumDepth = 128
    /// A YAML alias can make a small text expand enormously; refuse more
    /// values than any front matter needs.
    static let maximumValues = 100_000
    /// Yams's default encoding, read once: its getter reads the whole
    /// environment on every call, which cost more than parsing a post's
    /// front matter.
    /// (Kept as a `Bool`: `Parser.Encoding` is not `Sendable`.)
    private static let readsUTF8 = Parser.Encoding.default == .utf8

    func parse() throws -> Metadata {
        let root = try compose()
        guard let root else { return Metadata() }
        guard case .mapping(let mapping) = root else {
            if case .scalar(let scalar) = root, scalar.string.isEmpty { return Metadata() }
            throw failure("\(subject) must be a mapping of keys to values", at: root.mark)
        }
        var budget = FrontMatterParser.maximumValues
        var metadata = Metadata()
        var fields: [String: Node] = [:]
        for (keyNode, value) in mapping {
            let key = keyNode.scalar?.string ?? ""
            if fields[key] == nil { fields[key] = value }
            switch key {
            case "title", "date", "updated", "last_modified_at", "author", "authors", "category", "categories",
                 "tag", "tags", "description", "excerpt", "lang", "language", "slug", "permalink", "published":
                continue
            default:
                metadata.extra[key] = try yamlValue(value, depth: 0, budget: &budget)
            }
        }
        metadata.title = try fields["title"].map { try text($0, key: "title") }
        metadata.date = try fields["date"].map { try date($0, key: "date") }
        metadata.updated = try (fields["updated"] ?? fields["last_modified_at"]).map { try date($0, key: "updated") }
        metadata.authors = try (fields["author"] ?? fields["authors"]).map { try authors($0) } ?? []
        metadata.categories = try pluralized(singular: fields["category"], plural: fields["categories"], key: "categories")
        metadata.tags = try pluralized(singular: fields["tag"], plural: fields["tags"], key: "tags")
        metadata.description = try fields["description"].map { try text($0, key: "description") }
        metadata.excerpt = try fields["excerpt"].map { try text($0, key: "excerpt") }
        metadata.language = try (fields["lang"] ?? fields["language"]).map { try text($0, key: "lang") }
        metadata.slug = try fields["slug"].map { try text($0, key: "slug") }
        metadata.permalink = try fields["permalink"].map { try text($0, key: "permalink") }
        // Jekyll hides a post only for the boolean false, not for "false" or "no".
        if let published = fields["published"]?.scalar, published.defaultTag == .bool,
           Bool.construct(from: Node.Scalar(published.string, Tag(.bool), published.style)) == false {
            metadata.published = false
        }
        return metadata
    }

    /// The whole YAML text as a typed value, with no reading of keys: for
    /// files other than front matter, such as pipeline files.
    func parseValue() throws -> YAMLValue {
        var keys: [String: SourceLocation]? = nil
        return try parseValue(keys: &keys)
    }

    /// As `parseValue()`, also noting where each mapping key was written,
    /// by its dotted path (`outputs.html.paginate`), when `keys` is not nil.
    func parseValue(keys: inout [String: SourceLocation]?) throws -> YAMLValue {
        let root = try compose()
        var budget = FrontMatterParser.maximumValues
        return try root.map { try yamlValue($0, depth: 0, budget: &budget, path: "", keys: &keys) } ?? .null
    }

    /// The YAML's node tree, after the nesting check that keeps Yams's
    /// recursive composer safe.
    private func compose() throws -> Node? {
        try checkNesting()
        do {
            // `.basic`: no scalar is typed while composing (the duplicate-key
            // check would type every key through regular expressions); the
            // values are typed as they are read, by `Node.Scalar.defaultTag`.
            return try Yams.compose(yaml: String(yaml), .basic, .default,
                                     FrontMatterParser.readsUTF8 ? .utf8 : .utf16)
        } catch let error as YamlError {
            throw diagnostic(for: error)
        }
    }

    // MARK: Keys

    private func text(_ node: Node, key: String) throws -> String {
        guard case .scalar(let scalar) = node else {
            throw failure("`\(key)` must be text, not a list or mapping", at: node.mark)
        }
        return scalar.defaultTag == .null ? "" : scalar.string
    }

    private func date(_ node: Node, key: String) throws -> PostDate {
        let value = try text(node, key: key)
        guard let date = PostDate(parsing: value) else {
            throw failure(
                "`\(key)` is not a date: '\(value)' (write YYYY-MM-DD, optionally with HH:MM:SS and a zone like +08:00)",
                at: node.mark)
        }
        return date
    }

    private func authors(_ node: Node) throws -> [Author] {
        switch node {
        case .scalar:
            let name = try text(node, key: "author")
            return name.isEmpty ? [] : [Author(name: name)]
        case .sequence(let sequence):
            return try sequence.flatMap { try authors($0) }
        case .mapping(let mapping):
            guard let name = mapping["name"]?.scalar?.string else {
                throw failure("an author written as a mapping needs a `name`", at: node.mark)
            }
            return [Author(name: name, email: mapping["email"]?.scalar?.string,
                           url: (mapping["url"] ?? mapping["uri"])?.scalar?.string)]
        case .alias:
            return []
        }
    }

    /// Jekyll's rule: the singular key, when present, wins and is taken
    /// whole; the plural key is a list, or a string split at white space.
    /// A comma there (`tags: openstack, 排版`) is the author's separator
    /// too, not part of a name, whatever script it is written in.
    private func pluralized(singular: Node?, plural: Node?, key: String) throws -> [String] {
        var result: [String] = []
        func add(_ value: String) {
            if !value.isEmpty && !result.contains(value) { result.append(value) }
        }
        func addItems(of node: Node) throws {
            switch node {
            case .scalar:
                add(try text(node, key: key))
            case .sequence(let sequence):
                for item in sequence { try addItems(of: item) }
            case .mapping:
                throw failure("`\(key)` must be a list of names or a string", at: node.mark)
            case .alias:
                break
            }
        }
        if let singular {
            try addItems(of: singular)
        } else if let plural {
            if case .scalar = plural {
                let separators: Set<Character> = [",", "，", "、"]
                for word in try text(plural, key: key).split(whereSeparator: { $0.isWhitespace || separators.contains($0) }) {
                    add(String(word))
                }
            } else {
                try addItems(of: plural)
            }
        }
        return result
    }

    private func yamlValue(_ node: Node, depth: Int, budget: inout Int) throws -> YAMLValue {
        var keys: [String: SourceLocation]? = nil
        return try yamlValue(node, depth: depth, budget: &budget, path: "", keys: &keys)
    }

    private func yamlValue(_ node: Node, depth: Int, budget: inout Int, path: String,
                           keys: inout [String: SourceLocation]?) throws -> YAMLValue {
        budget -= 1
        guard budget >= 0, depth < FrontMatterParser.maximumDepth else {
            throw failure("\(subject) is too large or too deeply nested (are YAML aliases expanding?)", at: node.mark)
        }
        switch node {
        case .scalar(let scalar):
            let tag = scalar.defaultTag
            let typed = { (name: Tag.Name) in Node.Scalar(scalar.string, Tag(name), scalar.style) }
            if tag == .null { return .null }
            if tag == .bool, let value = Bool.construct(from: typed(.bool)) { return .bool(value) }
            if tag == .int, let value = Int.construct(from: typed(.int)) { return .int(value) }
            if tag == .float, let value = Double.construct(from: typed(.float)) { return .double(value) }
            return .string(scalar.string)
        case .sequence(let sequence):
            return .sequence(try sequence.enumerated().map { index, item in
                let itemPath = "\(path)[\(index)]"
                if keys != nil, let mark = item.mark { keys?[itemPath] = failure("", at: mark).location }
                return try yamlValue(item, depth: depth + 1, budget: &budget, path: itemPath, keys: &keys)
            })
        case .mapping(let mapping):
            var result = YAMLMapping()
            for (key, value) in mapping {
                let name = key.scalar?.string ?? ""
                let keyPath = path.isEmpty ? name : "\(path).\(name)"
                if keys != nil, let mark = key.mark { keys?[keyPath] = failure("", at: mark).location }
                result[name] = try yamlValue(value, depth: depth + 1, budget: &budget, path: keyPath, keys: &keys)
            }
            return .mapping(result)
        case .alias:
            return .null
        }
    }

    // MARK: Locations

    /// Refuses flow collections nested past `maximumDepth`, counting
    /// brackets outside quotes and comments.
    private func checkNesting() throws {
        var depth = 0, line = 0, column = 0
        var quote: Character?
        var inComment = false
        for character in yaml {
            column += 1
            if character == "\n" || character == "\r\n" {
                line += 1
                column = 0
                inComment = false
                continue
            }
            if inComment { continue }
            if let open = quote {
                if character == open { quote = nil }
                continue
            }
            switch character {
            case "\"", "'": quote = character
            case "#": inComment = true
            case "[", "{":
                depth += 1
                if depth > FrontMatterParser.maximumDepth {
                    throw failure("\(subject) nests deeper than \(FrontMatterParser.maximumDepth) levels",
                                  at: (line + 1, column))
                }
            case "]", "}": depth = max(0, depth - 1)
            default: break
            }
        }
    }

    private func diagnostic(for error: YamlError) -> Diagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let detail = context.map { "\(problem) (\($0.text) at line \($0.mark.line + firstLine - 1))" } ?? problem
            return failure("invalid YAML in \(subject): \(detail)", at: mark)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return failure("\(subject) repeats the key \(duplicates.joined(separator: ", "))", at: context.mark)
        default:
            return failure("invalid YAML in \(subject): \(error)", at: Optional<Mark>.none)
        }
    }

    /// A diagnostic at a YAML mark, moved to file lines and byte columns.
    private func failure(_ message: String, at mark: Mark?) -> Diagnostic {
        failure(message, at: mark.map { ($0.line, $0.column) })
    }

    private func failure(_ message: String, at mark: (line: Int, column: Int)?) -> Diagnostic {
        guard let mark else {
            return .error(message, at: SourceLocation(path: path, line: firstLine, column: 1))
        }
        let lines = self.lines.lines(of: yaml)
        var column = mark.column
        if mark.line - 1 < lines.count {
            // Yams counts columns in Unicode scalars; diagnostics count bytes.
            let scalars = lines[mark.line - 1].unicodeScalars
            column = scalars.prefix(max(mark.column - 1, 0)).reduce(1) { $0 + UTF8.width($1) }
        }
        return .error(message, at: SourceLocation(path: path, line: firstLine + mark.line - 1, column: column))
    }
}

/// The lines of one YAML text, split once.
private final class LineCache {
    private var cached: [Substring]?

    func lines(of yaml: Substring) -> [Substring] {
        if let cached { return cached }
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        cached = lines
        return lines
    }
}

extension Node.Scalar {
    /// The tag Yams's default resolver gives this scalar: the one written,
    /// string for a quoted scalar, else what its text reads as (null, bool,
    /// int, float, timestamp, …), by `PlainScalarTag` rather than the
    /// resolver's regular expressions: a title such as "Jekyll 3.0
    /// Released" is a string at its first letter.
    var defaultTag: Tag.Name {
        // The tag as written: `tag` is not resolved by the `.basic` composer
        // for a value, only for a mapping key, which is never typed here.
        let written = tag.description
        if written == Tag.Name.nonSpecific.rawValue { return .str }
        guard written == Tag.Name.implicit.rawValue else { return Tag.Name(rawValue: written) }
        return Node.Scalar.plainTag(of: string)
    }

    /// What the default resolver makes of plain text `string`.
    static func plainTag(of string: String) -> Tag.Name {
        guard let first = string.utf8.first else { return .null }
        // Every default rule's pattern is anchored and starts with one of these.
        guard Node.Scalar.ruleStarts.contains(first) else { return .str }
        return PlainScalarTag.of(string)
    }

    private static let ruleStarts = Set("yYnNtTfFoO+-0123456789.<~=".utf8)
}
