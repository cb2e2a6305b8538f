import PublishAST

/// Fills lines of prose to a width, the way a plain-text email wants it:
/// breaks at spaces, and between East Asian characters (which have no
/// spaces), never before closing punctuation such as `，。」` nor after
/// opening punctuation such as `「（`.
struct TextWrapper {
    /// The most columns a line may take; 0 means no wrapping.
    let width: Int

    /// `text` in lines of at most `width` columns (a word wider than that
    /// gets a line of its own). `fastASCII: false` turns off the shortcut
    /// for ASCII text, for tests to compare the two ways.
    func wrap(_ text: String, fastASCII: Bool = true) -> [String] {
        guard width > 0 else { return [text] }
        var lines: [String] = []
        var line = "", lineWidth = 0
        let ascii = fastASCII && text.utf8.allSatisfy { $0 < 0x80 }
        for unit in ascii ? asciiUnits(of: text) : units(of: text) {
            let unitWidth = ascii ? unit.text.utf8.count : unit.text.displayWidth
            let gap = unit.spaceBefore && !line.isEmpty ? 1 : 0
            if !line.isEmpty && lineWidth + gap + unitWidth > width {
                lines.append(line)
                line = unit.text
                lineWidth = unitWidth
            } else {
                if gap == 1 { line.append(" ") }
                line += unit.text
                lineWidth += gap + unitWidth
            }
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }

    private struct Unit {
        var text: String
        var spaceBefore: Bool
    }

    /// `units(of:)` for ASCII text, where no two characters are East Asian
    /// and so the pieces are the runs between spaces and tabs (each one
    /// column a character), found bytewise rather than by grapheme.
    private func asciiUnits(of text: String) -> [Unit] {
        let isSpace = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        let startsWithSpace = text.utf8.first.map(isSpace) ?? false
        return text.utf8.split(whereSeparator: isSpace).enumerated().map { index, word in
            Unit(text: String(Substring(word)), spaceBefore: index > 0 || startsWithSpace)
        }
    }

    /// Splits text into pieces that must stay on one line: words, and
    /// single East Asian characters with the punctuation bound to them.
    private func units(of text: String) -> [Unit] {
        var units: [Unit] = []
        var current = "", spaceBefore = false, sawSpace = false
        for character in text {
            if character == " " || character == "\t" {
                if !current.isEmpty { units.append(Unit(text: current, spaceBefore: spaceBefore)) }
                current = ""
                sawSpace = true
                continue
            }
            if current.isEmpty {
                if TextWrapper.closing.contains(character), !sawSpace, let last = units.popLast() {
                    current = last.text
                    spaceBefore = last.spaceBefore
                } else {
                    spaceBefore = sawSpace
                }
            } else if let previous = current.last, breakAllowed(between: previous, and: character) {
                units.append(Unit(text: current, spaceBefore: spaceBefore))
                current = ""
                spaceBefore = false
            }
            current.append(character)
            sawSpace = false
        }
        if !current.isEmpty { units.append(Unit(text: current, spaceBefore: spaceBefore)) }
        return units
    }

    private func breakAllowed(between previous: Character, and next: Character) -> Bool {
        guard isWide(previous) || isWide(next) else { return false }
        return !TextWrapper.closing.contains(next) && !TextWrapper.opening.contains(previous)
    }

    private func isWide(_ character: Character) -> Bool {
        character.unicodeScalars.first?.isEastAsianWide ?? false
    }

    private static let closing: Set<Character> = [
        "，", "。", "、", "；", "：", "？", "！", "）", "」", "』", "】", "》", "〉", "”", "’", "…", "—", "・",
        "〕", "｝", "］", "ー", ",", ".", ";", ":", "?", "!", ")", "]", "}",
    ]
    private static let opening: Set<Character> = ["（", "「", "『", "【", "《", "〈", "“", "‘", "〔", "｛", "［", "(", "["]
}
