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
            if scalar.isEastAsianWide && scalar.properties.isAlphabetic {
                characters += 1
                inWord = false
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                if !inWord { words += 1 }
                inWord = true
            } else {
                inWord = false
            }
        }
    }
}
