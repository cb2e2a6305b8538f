import PublishAST

/// Reads CSV as RFC 4180 writes it, and as spreadsheets export it: fields
/// separated by commas, records by CRLF, LF or a lone CR; a field in double
/// quotes may hold commas and line breaks, and `""` stands for one quote; a
/// UTF-8 byte order mark at the start is dropped. Every field keeps the
/// line and column where it starts, so a problem in it can be located.
///
/// Approach: one pass over the Unicode scalars with an explicit state, no
/// recursion. A malformed record (text after a closing quote, a quote in
/// the middle of an unquoted field, a quote never closed) is reported and
/// skipped: reading resumes at the line after the one it starts on, so a
/// stray quote costs one record, not the rest of the file. A quote never
/// closed happens once at most: the quotes after it come in adjacent pairs,
/// and a field opened by one of those pairs closes at the end of its run.
public struct CSVReader: Sendable {
    /// One field, with where it starts (1-based).
    public struct Field: Sendable, Equatable {
        public var value: String
        public var line: Int
        public var column: Int

        public init(value: String, line: Int, column: Int) {
            self.value = value
            self.line = line
            self.column = column
        }
    }

    /// One record: its fields, and the physical line where it starts.
    public struct Record: Sendable, Equatable {
        public var fields: [Field]
        public var line: Int
    }

    /// The records, in order, and a diagnostic for each malformed one.
    public let records: [Record]
    public let problems: [Diagnostic]

    /// Reads `text`; `path` names the file in the diagnostics.
    public init(_ text: String, path: String) {
        var scanner = Scanner(Array(text.unicodeScalars), path: path)
        scanner.run()
        records = scanner.records
        problems = scanner.problems
    }

    /// The reading state: a position in the scalars with its line and
    /// column, and the record being built.
    private struct Scanner {
        let scalars: [Unicode.Scalar]
        let path: String
        var index = 0
        var line = 1
        var column = 1
        var records: [Record] = []
        var problems: [Diagnostic] = []

        init(_ scalars: [Unicode.Scalar], path: String) {
            self.scalars = scalars
            self.path = path
            if scalars.first == "\u{FEFF}" { index = 1 }
        }

        mutating func run() {
            while index < scalars.count {
                let start = (index: index, line: line, column: column)
                if atLineBreak {
                    // A line with nothing on it is no record.
                    skipLineBreak()
                    continue
                }
                if let record = readRecord() {
                    records.append(record)
                    continue
                }
                // Malformed: go on at the line after the record's start.
                (index, line, column) = start
                skipToNextLine()
            }
        }

        /// One record up to and including its line break; nil (with the
        /// problem reported) when it is malformed.
        mutating func readRecord() -> Record? {
            let recordLine = line
            var fields: [Field] = []
            while true {
                guard let field = readField() else { return nil }
                fields.append(field)
                if index >= scalars.count { break }
                if atLineBreak {
                    skipLineBreak()
                    break
                }
                // readField stops only at a comma, a line break or the end.
                advance()
                if index >= scalars.count || atLineBreak {
                    // A comma at the end of the line: one more, empty, field.
                    fields.append(Field(value: "", line: line, column: column))
                    if index < scalars.count { skipLineBreak() }
                    break
                }
            }
            return Record(fields: fields, line: recordLine)
        }

        /// One field, stopping before the comma or line break that ends it.
        mutating func readField() -> Field? {
            let fieldLine = line, fieldColumn = column
            var value = String.UnicodeScalarView()
            guard index < scalars.count, scalars[index] == "\"" else {
                while index < scalars.count, scalars[index] != ",", !atLineBreak {
                    if scalars[index] == "\"" {
                        report("a quote inside a field that does not start with one (quote the whole field and "
                               + "double the quote: \"a \"\"b\"\" c\")", fieldLine, fieldColumn)
                        return nil
                    }
                    value.append(scalars[index])
                    advance()
                }
                return Field(value: String(value), line: fieldLine, column: fieldColumn)
            }
            advance()
            while true {
                guard index < scalars.count else {
                    report("this quoted field is never closed", fieldLine, fieldColumn)
                    return nil
                }
                let scalar = scalars[index]
                if scalar == "\"" {
                    advance()
                    guard index < scalars.count, scalars[index] == "\"" else { break }
                    value.append("\"")
                    advance()
                } else if atLineBreak {
                    // A line break inside quotes is kept as written, CRLF included.
                    value.append(scalar)
                    if scalar == "\r", index + 1 < scalars.count, scalars[index + 1] == "\n" { value.append("\n") }
                    skipLineBreak()
                } else {
                    value.append(scalar)
                    advance()
                }
            }
            guard index >= scalars.count || scalars[index] == "," || atLineBreak else {
                report("text after the closing quote of a field (a quote inside a quoted field is written \"\")",
                       line, column)
                return nil
            }
            return Field(value: String(value), line: fieldLine, column: fieldColumn)
        }

        var atLineBreak: Bool {
            index < scalars.count && (scalars[index] == "\n" || scalars[index] == "\r")
        }

        mutating func advance() {
            index += 1
            column += 1
        }

        /// Past one CRLF, LF or CR.
        mutating func skipLineBreak() {
            if scalars[index] == "\r", index + 1 < scalars.count, scalars[index + 1] == "\n" { index += 1 }
            index += 1
            line += 1
            column = 1
        }

        mutating func skipToNextLine() {
            while index < scalars.count, !atLineBreak { advance() }
            if index < scalars.count { skipLineBreak() }
        }

        mutating func report(_ message: String, _ line: Int, _ column: Int) {
            problems.append(.error(message, at: SourceLocation(path: path, line: line, column: column)))
        }
    }
}
