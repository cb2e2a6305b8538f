/// The text a document was read from, by line, for stages that need what
/// the tree does not keep: which `|` was escaped, what a consumed link
/// reference definition said. Lines and columns are those of `SourceRange`
/// (1-based, columns in UTF-8 bytes).
public struct SourceLines: Sendable {
    private let bytes: [UInt8]
    /// The byte offset where each line starts; line `firstLine` is index 0.
    private let starts: [Int]
    /// The file line of the text's first line (front matter comes before it).
    public let firstLine: Int

    public init(_ text: Substring, firstLine: Int = 1) {
        // A copy of contiguous storage, not a byte-by-byte walk of the view.
        let bytes = text.utf8.withContiguousStorageIfAvailable { Array($0) } ?? Array(text.utf8)
        var starts = [0]
        bytes.withUnsafeBufferPointer { buffer in
            for offset in buffer.indices where buffer[offset] == UInt8(ascii: "\n") {
                starts.append(offset + 1)
            }
        }
        self.bytes = bytes
        self.starts = starts
        self.firstLine = firstLine
    }

    /// No text: for documents built by hand or read from JSON.
    public static let empty = SourceLines("", firstLine: 1)

    /// Whether there is no text: a document built by hand or read from JSON.
    public var isEmpty: Bool { bytes.isEmpty }

    /// Whether the text holds none of `needle`'s bytes in a row, so a stage
    /// whose syntax needs them has nothing to do. Always false for empty
    /// text, which says nothing of the tree.
    public func lacks(_ needle: StaticString) -> Bool {
        guard !bytes.isEmpty, needle.utf8CodeUnitCount > 0 else { return false }
        return !bytes.withUnsafeBufferPointer { ByteSearch.contains(needle, in: $0) }
    }

    /// The last file line the text has.
    public var lastLine: Int { firstLine + starts.count - 1 }

    /// File line `number` without its line ending; nil outside the text.
    public func line(_ number: Int) -> Substring? {
        let index = number - firstLine
        guard index >= 0, index < starts.count else { return nil }
        var end = index + 1 < starts.count ? starts[index + 1] - 1 : bytes.count
        if end > starts[index], bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return Substring(decoding: bytes[starts[index]..<end], as: UTF8.self)
    }

    /// The rest of a line from `position`'s byte column; nil outside the text.
    public func text(from position: SourcePosition) -> Substring? {
        guard let line = line(position.line) else { return nil }
        let skip = max(position.column - 1, 0)
        guard skip <= line.utf8.count else { return nil }
        let start = line.utf8.index(line.utf8.startIndex, offsetBy: skip)
        return line[start...]
    }
}
