import PublishAST

/// Inlines for one line of recovered definition text. libcmark never parsed
/// these lines as inline content, so the common marks are read here:
/// backslash escapes, code spans, and `*`/`_` emphasis and strong emphasis
/// that open and close on the line without nesting. Anything else (links,
/// entities, raw HTML) stays text; autolinks are the autolinks stage's.
enum FootnoteInlines {
    /// Appends `text`'s inlines to `parent`. A known `line` gives the text
    /// nodes their source range, which the reference finder checks.
    static func append(_ text: Substring, line: Int, to parent: NodeID, in document: inout Document) {
        var builder = Builder(text: text, line: line)
        builder.build(into: parent, document: &document)
    }

    private struct Builder {
        let characters: [Character]
        /// The UTF-8 column of each character, and one past the end.
        let columns: [Int]
        let line: Int
        /// Marks (`*`, `**`, a backtick run) known to close nowhere after
        /// some point, and so after any later one: each line is searched
        /// once per mark, not once per opener.
        var unclosed: Set<String> = []

        init(text: Substring, line: Int) {
            characters = Array(text)
            var columns: [Int] = []
            columns.reserveCapacity(characters.count + 1)
            var column = line > 0 ? text.base.utf8.distance(from: text.base.startIndex, to: text.startIndex) + 1 : 0
            for character in characters {
                columns.append(column)
                column += character.utf8.count
            }
            columns.append(column)
            self.columns = columns
            self.line = line
        }

        mutating func build(into parent: NodeID, document: inout Document) {
            var pending = ""
            var pendingStart = 0
            var index = 0
            func flush(_ end: Int, _ document: inout Document) {
                if !pending.isEmpty { appendText(pending, from: pendingStart, to: end, parent: parent, document: &document) }
                pending = ""
            }
            while index < characters.count {
                if pending.isEmpty { pendingStart = index }
                let character = characters[index]
                if character == "\\", index + 1 < characters.count, characters[index + 1].isASCIIPunctuation {
                    pending.append(characters[index + 1])
                    index += 2
                } else if character == "`", let (code, end) = codeSpan(at: index) {
                    flush(index, &document)
                    document.append(.inline(.code(code)), range: range(index, end), to: parent)
                    index = end
                } else if character == "*" || character == "_", let (inner, end, strong) = emphasis(at: index) {
                    flush(index, &document)
                    let node = document.append(.inline(strong ? .strong : .emphasis), range: range(index, end), to: parent)
                    appendText(String(characters[inner]), from: inner.lowerBound, to: inner.upperBound,
                               parent: node, document: &document)
                    index = end
                } else {
                    pending.append(character)
                    index += 1
                }
            }
            flush(characters.count, &document)
        }

        private func appendText(_ text: String, from start: Int, to end: Int, parent: NodeID,
                                document: inout Document) {
            document.append(.inline(.text(text)), range: range(start, end), to: parent)
        }

        private func range(_ start: Int, _ end: Int) -> SourceRange {
            guard line > 0 else { return .unknown }
            return SourceRange(startLine: line, startColumn: columns[start], endLine: line,
                               endColumn: max(columns[end] - 1, columns[start]))
        }

        /// A code span opening at `index`: its content and the index after it.
        private mutating func codeSpan(at index: Int) -> (String, Int)? {
            let length = run(of: "`", at: index)
            let key = String(repeating: "`", count: length)
            guard !unclosed.contains(key) else { return nil }
            var cursor = index + length
            while cursor < characters.count {
                if characters[cursor] == "`" {
                    let closing = run(of: "`", at: cursor)
                    if closing == length {
                        var content = String(characters[(index + length)..<cursor])
                        if content.count >= 2, content.first == " ", content.last == " ",
                           content.contains(where: { $0 != " " }) {
                            content = String(content.dropFirst().dropLast())
                        }
                        return (content, cursor + closing)
                    }
                    cursor += closing
                } else {
                    cursor += 1
                }
            }
            unclosed.insert(key)
            return nil
        }

        /// Emphasis of one or two `*` or `_` opening at `index`, closed by
        /// the same run later on the line.
        private mutating func emphasis(at index: Int) -> (Range<Int>, Int, Bool)? {
            let mark = characters[index]
            let length = run(of: mark, at: index)
            let key = String(repeating: mark, count: length)
            guard length <= 2, !unclosed.contains(key), index + length < characters.count,
                  !characters[index + length].isWhitespace else { return nil }
            if mark == "_", index > 0, characters[index - 1].isLetter || characters[index - 1].isNumber { return nil }
            var cursor = index + length + 1
            while cursor < characters.count {
                if characters[cursor] == mark {
                    let closing = run(of: mark, at: cursor)
                    if closing == length, !characters[cursor - 1].isWhitespace {
                        let after = cursor + closing
                        if mark == "_", after < characters.count,
                           characters[after].isLetter || characters[after].isNumber { return nil }
                        return ((index + length)..<cursor, after, length == 2)
                    }
                    cursor += closing
                } else {
                    cursor += 1
                }
            }
            unclosed.insert(key)
            return nil
        }

        private func run(of mark: Character, at index: Int) -> Int {
            var end = index
            while end < characters.count, characters[end] == mark { end += 1 }
            return end - index
        }
    }
}

extension Character {
    var isASCIIPunctuation: Bool {
        guard let ascii = asciiValue else { return false }
        return (33...47).contains(ascii) || (58...64).contains(ascii) || (91...96).contains(ascii)
            || (123...126).contains(ascii)
    }
}
