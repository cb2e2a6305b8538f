/// The one JSON form of a document: what `publish render --to json` prints
/// and what out-of-process plugins read and write.
///
/// ```json
/// {"version":1,"path":"_posts/2014-06-16-hello.md",
///  "metadata":{"title":"Hello","date":"2014-06-16T00:00:00",...,"extra":{}},
///  "content":[{"type":"paragraph","range":[5,1,5,12],"children":[
///     {"type":"text","range":[5,1,5,12],"text":"Hello, world"}]}]}
/// ```
///
/// `range` at the top is the body's; `content` holds the root's children. Each node has `type` (see
/// `NodeKind.typeName`), `range` as `[startLine, startColumn, endLine,
/// endColumn]` when known, `attributes` when set (`id`, `classes`, `pairs`),
/// its own fields, and `children` when it is a container. Readers ignore
/// members they do not know, so later versions can add some.
extension Document {
    /// The version of the JSON form; a reader refuses any other.
    public static let jsonVersion = 1

    /// The document as compact JSON, ending in a newline.
    public func jsonBytes() -> [UInt8] {
        var json = JSONWriter(capacity: nodes.count * 48)
        json.beginObject()
        json.field("version", Document.jsonVersion)
        if let path { json.field("path", path) }
        writeRange(of: root, to: &json)
        json.key("metadata")
        metadata.write(to: &json)
        json.key("content")
        json.beginArray()
        for event in events() {
            switch event {
            case .enter(let node) where node == root:
                continue
            case .enter(let node):
                let kind = self.kind(of: node)
                json.beginObject()
                json.field("type", kind.typeName)
                writeRange(of: node, to: &json)
                let attributes = self.attributes(of: node)
                if !attributes.isEmpty {
                    json.key("attributes")
                    attributes.write(to: &json)
                }
                kind.writeFields(to: &json)
                if kind.isContainer {
                    json.key("children")
                    json.beginArray()
                }
            case .exit(let node) where node == root:
                continue
            case .exit(let node):
                if kind(of: node).isContainer { json.endArray() }
                json.endObject()
            }
        }
        json.endArray()
        json.endObject()
        var bytes = json.bytes
        bytes.append(10)
        return bytes
    }

    private func writeRange(of node: NodeID, to json: inout JSONWriter) {
        let range = self.range(of: node)
        guard range.isKnown else { return }
        json.key("range")
        json.beginArray()
        for value in [range.start.line, range.start.column, range.end.line, range.end.column] {
            json.int(value)
        }
        json.endArray()
    }

    /// The document as JSON text.
    public func jsonString() -> String {
        String(decoding: jsonBytes(), as: UTF8.self)
    }

    /// Reads the JSON form. Errors are located in the JSON text and name it
    /// as `source` (a plugin's name, say).
    public init(json: [UInt8], source: String = "<json>") throws {
        var decoder = DocumentDecoder(reader: JSONReader(json), source: source)
        do {
            self = try decoder.decode()
        } catch let error as JSONReader.SyntaxError {
            throw Diagnostic.error(error.message, at: SourceLocation(path: source, line: error.line, column: error.column))
        }
    }
}

extension Attributes {
    func write(to json: inout JSONWriter) {
        json.beginObject()
        if let id { json.field("id", id) }
        if !classes.isEmpty {
            json.key("classes")
            json.beginArray()
            for name in classes { json.string(name) }
            json.endArray()
        }
        if !pairs.isEmpty {
            json.key("pairs")
            json.beginObject()
            for pair in pairs { json.field(pair.key, pair.value) }
            json.endObject()
        }
        if let tokens {
            // [[length, "class"], …]: lengths in UTF-8 bytes of the code.
            json.key("tokens")
            json.beginArray()
            for run in tokens.runs {
                json.beginArray()
                json.int(run.length)
                json.string(run.className)
                json.endArray()
            }
            json.endArray()
            if tokens.lineNumbers { json.field("line_numbers", true) }
        }
        json.endObject()
    }
}

extension NodeKind {
    func writeFields(to json: inout JSONWriter) {
        switch self {
        case .block(let block):
            switch block {
            case .list(let style):
                json.field("list_type", style.kind.rawValue)
                json.field("start", style.start)
                json.field("delimiter", style.delimiter.rawValue)
                json.field("tight", style.isTight)
            case .item(let task?):
                json.field("task", task.rawValue)
            case .codeBlock(let info, let code):
                json.field("info", info)
                json.field("text", code)
            case .htmlBlock(let html):
                json.field("text", html)
            case .heading(let level):
                json.field("level", level)
            case .table(let alignments):
                json.key("alignments")
                json.beginArray()
                for alignment in alignments { json.string(alignment.rawValue) }
                json.endArray()
            case .footnoteDefinition(let label, let number):
                json.field("label", label)
                json.field("number", number)
            case .document, .blockQuote, .item(nil), .paragraph, .thematicBreak, .tableHead, .tableRow,
                 .tableCell:
                break
            }
        case .inline(let inline):
            switch inline {
            case .text(let text), .code(let text), .html(let text):
                json.field("text", text)
            case .link(let destination, let title), .image(let destination, let title):
                json.field("destination", destination)
                json.field("title", title)
            case .footnoteReference(let label, let number):
                json.field("label", label)
                json.field("number", number)
            case .softBreak, .lineBreak, .emphasis, .strong, .strikethrough:
                break
            }
        }
    }
}
