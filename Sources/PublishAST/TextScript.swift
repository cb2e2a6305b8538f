/// What a text is mostly written in, judged from its letters, for a site
/// or book whose configuration does not say: a Chinese blog must not be
/// labelled English.
public enum TextScript: Equatable, Sendable {
    /// `zh`, `ja` or `ko`.
    case eastAsian(String)
    case latin
    /// No letters at all: images, code, numbers.
    case none

    /// The letters of `texts`, counted.
    public static func of(_ texts: some Sequence<String>) -> TextScript {
        var counts = Counts()
        for text in texts { counts.add(text) }
        return counts.script
    }

    /// The letters of the text nodes of `documents`, counted.
    public static func of(_ documents: [Document]) -> TextScript {
        var counts = Counts()
        for document in documents {
            for event in document.events() {
                guard case .enter(let node) = event, case .inline(.text(let text)) = document.kind(of: node) else { continue }
                counts.add(text)
            }
        }
        return counts.script
    }

    /// The language tag of an East Asian script; nil for the others.
    public var language: String? {
        if case .eastAsian(let language) = self { return language }
        return nil
    }

    private struct Counts {
        var han = 0, kana = 0, hangul = 0, latin = 0

        mutating func add(_ text: String) {
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

        var script: TextScript {
            if han + kana + hangul + latin == 0 { return .none }
            // One East Asian character carries about as much as a short word.
            guard (han + kana + hangul) * 3 > latin else { return .latin }
            if hangul > han + kana { return .eastAsian("ko") }
            if kana * 10 > han { return .eastAsian("ja") }
            return .eastAsian("zh")
        }
    }
}
