/// Input bytes made safe to parse, as CommonMark requires: invalid UTF-8
/// and NUL become U+FFFD, and a leading byte order mark is dropped.
struct SourceText {
    let text: String

    init(_ bytes: [UInt8]) {
        var text = String(decoding: bytes, as: UTF8.self)
        // Repairing invalid UTF-8 never removes a NUL: test the input's bytes.
        if bytes.contains(0) {
            text = String(text.unicodeScalars.lazy.map { $0 == "\0" ? "\u{FFFD}" : Character($0) })
        }
        if text.unicodeScalars.first == "\u{FEFF}" {
            text.unicodeScalars.removeFirst()
        }
        self.text = text
    }
}
