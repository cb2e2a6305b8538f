import PublishAST

/// How long a post takes to read. Latin-script text is counted in words,
/// Chinese and Japanese in characters, since they put no spaces between
/// words: 230 words or 500 characters a minute, at least one minute.
public enum ReadingTime {
    public static let wordsPerMinute = 230
    public static let charactersPerMinute = 500

    public static func minutes(of document: Document) -> Int {
        var words = 0, characters = 0
        for case .enter(let node) in document.events() {
            guard case .inline(let inline) = document.kind(of: node) else { continue }
            switch inline {
            case .text(let text), .code(let text):
                count(text, words: &words, characters: &characters)
            default:
                break
            }
        }
        let minutes = Double(words) / Double(wordsPerMinute) + Double(characters) / Double(charactersPerMinute)
        return max(1, Int(minutes.rounded()))
    }

    private static func count(_ text: String, words: inout Int, characters: inout Int) {
        var inWord = false
        for scalar in text.unicodeScalars {
            // ASCII answers without Unicode's property tables: letters and
            // digits are what `isAlphabetic` and `numericType` find there.
            if scalar.isASCII {
                let byte = UInt8(scalar.value)
                let isWordCharacter = (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                    || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                    || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                if isWordCharacter && !inWord { words += 1 }
                inWord = isWordCharacter
                continue
            }
            let properties = scalar.properties
            if scalar.isEastAsianWide && properties.isAlphabetic {
                characters += 1
                inWord = false
            } else if properties.isAlphabetic || properties.numericType != nil {
                if !inWord { words += 1 }
                inWord = true
            } else {
                inWord = false
            }
        }
    }
}
