/// Reads the JSON form of a document into a `Document`, without recursion
/// over the content however deep it is. Metadata values nest at most
/// `maximumValueDepth` levels.
struct DocumentDecoder {
    var reader: JSONReader
    let source: String
    static let maximumValueDepth = 256

    init(reader: JSONReader, source: String) {
        self.reader = reader
        self.source = source
    }

    mutating func decode() throws -> Document {
        guard try reader.next() == .beginObject else { throw failure("a document is a JSON object") }
        var document = Document()
        var sawVersion = false, sawContent = false
        while true {
            let token = try reader.next()
            guard case .key(let key) = token else { break }
            switch key {
            case "version":
                guard case .number(let text) = try reader.next(), Int(text) == Document.jsonVersion else {
                    throw failure("this reader reads version \(Document.jsonVersion) of the document JSON")
                }
                sawVersion = true
            case "path":
                document.path = try string()
            case "range":
                document.setRange(try range(), of: document.root)
            case "metadata":
                document.metadata = try metadata()
            case "content":
                try content(into: &document)
                sawContent = true
            default:
                try reader.skipValue(startingWith: try reader.next())
            }
        }
        guard try reader.next() == .end else { throw failure("unexpected text after the document") }
        guard sawVersion else { throw failure("the document has no \"version\"") }
        guard sawContent else { throw failure("the document has no \"content\"") }
        return document
    }

    // MARK: Content

    /// An open node object: its placeholder in the document and what its
    /// members said so far.
    private struct Frame {
        var node: NodeID
        var fields: [String: JSONReader.Token] = [:]
        var alignments: [TableAlignment]?
        var hasChildren = false
        var line: Int
        var column: Int
    }

    private mutating func content(into document: inout Document) throws {
        guard try reader.next() == .beginArray else { throw failure("\"content\" is a list of nodes") }
        var frames: [Frame] = []
        // Whether the innermost open JSON array is a node list (content or
        // children), as opposed to being inside a node object's members.
        var inList = true
        while true {
            let token = try reader.next()
            if inList {
                switch token {
                case .beginObject:
                    let parent = frames.last?.node ?? document.root
                    let position = reader.tokenPosition
                    let node = document.makeNode(.block(.document))
                    document.appendUnchecked(node, to: parent)
                    frames.append(Frame(node: node, line: position.line, column: position.column))
                    inList = false
                case .endArray:
                    if frames.isEmpty {
                        try checkChildren(of: document.root, in: document, line: 1, column: 1)
                        return
                    }
                    inList = false
                default:
                    throw failure("a node list holds only node objects")
                }
                continue
            }
            switch token {
            case .key("children"):
                guard try reader.next() == .beginArray else { throw failure("\"children\" is a list of nodes") }
                frames[frames.count - 1].hasChildren = true
                inList = true
            case .key("range"):
                document.setRange(try range(), of: frames[frames.count - 1].node)
            case .key("attributes"):
                document.setAttributes(try attributes(), of: frames[frames.count - 1].node)
            case .key("alignments"):
                frames[frames.count - 1].alignments = try alignments()
            case .key(let key):
                let value = try reader.next()
                switch value {
                case .beginObject, .beginArray: try reader.skipValue(startingWith: value)
                default: frames[frames.count - 1].fields[key] = value
                }
            case .endObject:
                let frame = frames.removeLast()
                let kind = try makeKind(frame)
                document.setKind(kind, of: frame.node)
                if frame.hasChildren && !kind.isContainer && document.firstChild(of: frame.node) != nil {
                    throw failure("a \(kind.typeName) node has no children", line: frame.line, column: frame.column)
                }
                try checkChildren(of: frame.node, in: document, line: frame.line, column: frame.column)
                // Back in the list that holds this node.
                inList = true
            default:
                throw failure("unexpected value in a node object")
            }
        }
    }

    private func checkChildren(of node: NodeID, in document: Document, line: Int, column: Int) throws {
        let kind = document.kind(of: node)
        for child in document.children(of: node) where !kind.canContain(document.kind(of: child)) {
            throw failure("a \(kind.typeName) cannot contain a \(document.kind(of: child).typeName)",
                          line: line, column: column)
        }
    }

    private func makeKind(_ frame: Frame) throws -> NodeKind {
        let line = frame.line, column = frame.column
        func text(_ key: String, default fallback: String? = nil) throws -> String {
            if case .string(let value)? = frame.fields[key] { return value }
            if let fallback { return fallback }
            throw failure("this node needs a string \"\(key)\"", line: line, column: column)
        }
        func int(_ key: String, default fallback: Int? = nil) throws -> Int {
            if case .number(let value)? = frame.fields[key], let number = Int(value) { return number }
            if let fallback { return fallback }
            throw failure("this node needs a whole number \"\(key)\"", line: line, column: column)
        }
        func bool(_ key: String, default fallback: Bool) throws -> Bool {
            switch frame.fields[key] {
            case .bool(let value)?: return value
            case nil: return fallback
            default: throw failure("\"\(key)\" is true or false", line: line, column: column)
            }
        }
        guard case .string(let type)? = frame.fields["type"] else {
            throw failure("a node needs a string \"type\"", line: line, column: column)
        }
        switch type {
        case "block_quote": return .block(.blockQuote)
        case "list":
            guard let kind = ListStyle.Kind(rawValue: try text("list_type", default: "bullet")),
                  let delimiter = ListStyle.Delimiter(rawValue: try text("delimiter", default: "period")) else {
                throw failure("a list's list_type is bullet or ordered, its delimiter period or parenthesis",
                              line: line, column: column)
            }
            return .block(.list(ListStyle(kind: kind, start: try int("start", default: 1), delimiter: delimiter,
                                          isTight: try bool("tight", default: false))))
        case "item":
            if case .string(let state)? = frame.fields["task"] {
                guard let task = TaskState(rawValue: state) else {
                    throw failure("an item's task is checked or unchecked", line: line, column: column)
                }
                return .block(.item(task: task))
            }
            return .block(.item(task: nil))
        case "code_block": return .block(.codeBlock(info: try text("info", default: ""), code: try text("text")))
        case "html_block": return .block(.htmlBlock(try text("text")))
        case "paragraph": return .block(.paragraph)
        case "heading":
            let level = try int("level")
            guard (1...6).contains(level) else { throw failure("a heading's level is 1 to 6", line: line, column: column) }
            return .block(.heading(level: level))
        case "thematic_break": return .block(.thematicBreak)
        case "table": return .block(.table(alignments: frame.alignments ?? []))
        case "table_head": return .block(.tableHead)
        case "table_row": return .block(.tableRow)
        case "table_cell": return .block(.tableCell)
        case "footnote_definition":
            return .block(.footnoteDefinition(label: try text("label"), number: try int("number")))
        case "text": return .inline(.text(try text("text")))
        case "softbreak": return .inline(.softBreak)
        case "linebreak": return .inline(.lineBreak)
        case "code": return .inline(.code(try text("text")))
        case "html_inline": return .inline(.html(try text("text")))
        case "emph": return .inline(.emphasis)
        case "strong": return .inline(.strong)
        case "strikethrough": return .inline(.strikethrough)
        case "link":
            return .inline(.link(destination: try text("destination"), title: try text("title", default: "")))
        case "image":
            return .inline(.image(source: try text("destination"), title: try text("title", default: "")))
        case "footnote_reference":
            return .inline(.footnoteReference(label: try text("label"), number: try int("number")))
        default:
            throw failure("unknown node type \"\(type)\"", line: line, column: column)
        }
    }

    private mutating func range() throws -> SourceRange {
        guard try reader.next() == .beginArray else { throw failure("\"range\" is a list of four numbers") }
        var numbers: [Int] = []
        while case .number(let text) = try reader.next() {
            guard let value = Int(text) else { throw failure("\"range\" holds whole numbers") }
            numbers.append(value)
        }
        guard numbers.count == 4 else { throw failure("\"range\" is a list of four numbers") }
        return SourceRange(startLine: numbers[0], startColumn: numbers[1], endLine: numbers[2], endColumn: numbers[3])
    }

    private mutating func alignments() throws -> [TableAlignment] {
        guard try reader.next() == .beginArray else { throw failure("\"alignments\" is a list") }
        var result: [TableAlignment] = []
        while case .string(let text) = try reader.next() {
            guard let alignment = TableAlignment(rawValue: text) else {
                throw failure("an alignment is none, left, center or right")
            }
            result.append(alignment)
        }
        return result
    }

    private mutating func attributes() throws -> Attributes {
        guard try reader.next() == .beginObject else { throw failure("\"attributes\" is an object") }
        var attributes = Attributes()
        while case .key(let key) = try reader.next() {
            switch key {
            case "id": attributes.id = try string()
            case "classes": attributes.classes = try stringList()
            case "pairs":
                guard try reader.next() == .beginObject else { throw failure("\"pairs\" is an object of strings") }
                while case .key(let name) = try reader.next() {
                    attributes.pairs.append(.init(name, try string()))
                }
            case "tokens":
                guard try reader.next() == .beginArray else { throw failure("\"tokens\" is an array of [length, class]") }
                var runs: [CodeTokens.Run] = []
                while true {
                    let event = try reader.next()
                    if event == .endArray { break }
                    guard event == .beginArray, case .number(let digits) = try reader.next(),
                          let length = Int(digits), length >= 0, case .string(let name) = try reader.next(),
                          try reader.next() == .endArray else {
                        throw failure("\"tokens\" is an array of [length, class]")
                    }
                    runs.append(.init(length: length, className: name))
                }
                attributes.tokens = CodeTokens(runs: runs, lineNumbers: attributes.tokens?.lineNumbers ?? false)
            case "line_numbers":
                guard case .bool(let on) = try reader.next() else { throw failure("\"line_numbers\" is true or false") }
                attributes.tokens = CodeTokens(runs: attributes.tokens?.runs ?? [], lineNumbers: on)
            default:
                try reader.skipValue(startingWith: try reader.next())
            }
        }
        return attributes
    }

    // MARK: Metadata

    private mutating func metadata() throws -> Metadata {
        guard try reader.next() == .beginObject else { throw failure("\"metadata\" is an object") }
        var metadata = Metadata()
        while case .key(let key) = try reader.next() {
            switch key {
            case "title": metadata.title = try string()
            case "date": metadata.date = try date()
            case "updated": metadata.updated = try date()
            case "authors": metadata.authors = try authors()
            case "categories": metadata.categories = try stringList()
            case "tags": metadata.tags = try stringList()
            case "description": metadata.description = try string()
            case "excerpt": metadata.excerpt = try string()
            case "lang": metadata.language = try string()
            case "slug": metadata.slug = try string()
            case "permalink": metadata.permalink = try string()
            case "published":
                guard case .bool(let value) = try reader.next() else { throw failure("\"published\" is true or false") }
                metadata.published = value
            case "extra":
                guard case .mapping(let extra) = try value(startingWith: try reader.next(), depth: 0) else {
                    throw failure("\"extra\" is an object")
                }
                metadata.extra = extra
            default:
                try reader.skipValue(startingWith: try reader.next())
            }
        }
        return metadata
    }

    private mutating func date() throws -> PostDate {
        let text = try string()
        guard let date = PostDate(parsing: text) else { throw failure("\"\(text)\" is not a date") }
        return date
    }

    private mutating func authors() throws -> [Author] {
        guard try reader.next() == .beginArray else { throw failure("\"authors\" is a list") }
        var authors: [Author] = []
        while try reader.next() == .beginObject {
            var author = Author(name: "")
            while case .key(let key) = try reader.next() {
                switch key {
                case "name": author.name = try string()
                case "email": author.email = try string()
                case "url": author.url = try string()
                default: try reader.skipValue(startingWith: try reader.next())
                }
            }
            authors.append(author)
        }
        return authors
    }

    private mutating func value(startingWith token: JSONReader.Token, depth: Int) throws -> YAMLValue {
        guard depth < DocumentDecoder.maximumValueDepth else {
            throw failure("metadata nests deeper than \(DocumentDecoder.maximumValueDepth) levels")
        }
        switch token {
        case .null: return .null
        case .bool(let value): return .bool(value)
        case .string(let value): return .string(value)
        case .number(let text):
            if let value = Int(text) { return .int(value) }
            return .double(Double(text) ?? 0)
        case .beginArray:
            var items: [YAMLValue] = []
            while true {
                let next = try reader.next()
                if next == .endArray { return .sequence(items) }
                items.append(try value(startingWith: next, depth: depth + 1))
            }
        case .beginObject:
            var mapping = YAMLMapping()
            while case .key(let key) = try reader.next() {
                mapping[key] = try value(startingWith: try reader.next(), depth: depth + 1)
            }
            return .mapping(mapping)
        default:
            throw failure("expected a value")
        }
    }

    // MARK: Scalars

    private mutating func string() throws -> String {
        guard case .string(let value) = try reader.next() else { throw failure("expected a string") }
        return value
    }

    private mutating func stringList() throws -> [String] {
        guard try reader.next() == .beginArray else { throw failure("expected a list of strings") }
        var result: [String] = []
        while true {
            switch try reader.next() {
            case .string(let value): result.append(value)
            case .endArray: return result
            default: throw failure("expected a list of strings")
            }
        }
    }

    private func failure(_ message: String, line: Int? = nil, column: Int? = nil) -> Diagnostic {
        let position = reader.position
        return .error(message, at: SourceLocation(path: source, line: line ?? position.line,
                                                  column: column ?? position.column))
    }
}

extension Document {
    /// Links a node without the structural check; the decoder checks each
    /// node's children once their parent's type is known.
    mutating func appendUnchecked(_ node: NodeID, to parent: NodeID) {
        let p = Int(parent.index), n = Int(node.index)
        let last = nodes[p].lastChild
        nodes[n].parent = parent.index
        nodes[n].previous = last
        if last == Document.none {
            nodes[p].firstChild = node.index
        } else {
            nodes[Int(last)].next = node.index
        }
        nodes[p].lastChild = node.index
    }
}
