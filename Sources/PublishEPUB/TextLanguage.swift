import PublishAST

/// Judges the language posts are written in from their script, for a book
/// whose site does not say: a Chinese blog must not be labelled English.
enum TextLanguage {
    /// `zh`, `ja` or `ko` when East Asian text outweighs Latin letters;
    /// nil otherwise, for the caller's default.
    static func judge(_ documents: [Document]) -> String? {
        if case .eastAsian(let language) = script(of: documents) { return language }
        return nil
    }

    /// What the text is mostly written in.
    enum Script: Equatable {
        /// `zh`, `ja` or `ko`.
        case eastAsian(String)
        case latin
        /// No letters at all: images, code, numbers.
        case none
    }

    static func script(of documents: [Document]) -> Script {
        var han = 0, kana = 0, hangul = 0, latin = 0
        for document in documents {
            for event in document.events() {
                guard case .enter(let node) = event, case .inline(.text(let text)) = document.kind(of: node) else { continue }
                for scalar in text.unicodeScalars {
                    switch scalar.value {
                    case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF: han += 1
                    case 0x3040...0x30FF: kana += 1
                    case 0xAC00...0xD7AF, 0x1100...0x11FF: hangul += 1
                    case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F: latin += 1
                    default: break
                    }
                }
            }
        }
        if han + kana + hangul + latin == 0 { return .none }
        // One East Asian character carries about as much as a short word.
        guard (han + kana + hangul) * 3 > latin else { return .latin }
        if hangul > han + kana { return .eastAsian("ko") }
        if kana * 10 > han { return .eastAsian("ja") }
        return .eastAsian("zh")
    }
}
