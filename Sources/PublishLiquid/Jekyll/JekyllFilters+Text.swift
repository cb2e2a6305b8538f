/// Jekyll's text filters: escaping, counting words, slugs, sentences,
/// JSON and typographic quotes.
extension JekyllFilters {
    static let text: [String: Filter] = [
        "xml_escape": Filter { input, _, _ in .string(xmlEscape(input.text)) },
        "inspect": Filter { input, _, _ in .string(xmlEscape(input.inspect)) },
        "normalize_whitespace": Filter { input, _, _ in
            .string(String(RubyString.strip(StandardFilters.awkSplit(input.text).joined(separator: " ")[...])))
        },
        "number_of_words": Filter(optional: 1) { input, arguments, _ in
            let mode = arguments.first.flatMap { if case .string(let text) = $0 { text } else { nil } }
            return .int(wordCount(input.text, mode: mode))
        },
        "array_to_sentence_string": Filter(optional: 1) { input, arguments, _ in
            .string(sentence(input, connector: arguments.first?.text ?? "and"))
        },
        "jsonify": Filter { input, _, _ in .string(try JekyllJSON.generate(input)) },
        "slugify": Filter(optional: 2) { input, arguments, _ in
            if input.isNil { return .nil }
            return .string(slugify(input.text, arguments))
        },
        "smartify": Filter { input, _, _ in .string(SmartyPants.convert(input.text)) },
    ]

    /// Ruby's `encode(xml: :attr)` without the quotes around it: `&`, `<`,
    /// `>`, `"` and `'` as entities.
    private static func xmlEscape(_ text: String) -> String {
        StandardFilters.escapeHTML(text, apostrophe: "&apos;")
    }

    /// `slugify: mode`. Jekyll's filter takes only the mode; Jekyll's
    /// `Utils.slugify` also takes `cased`, which this filter reads as a
    /// second argument or a `cased:` keyword.
    private static func slugify(_ text: String, _ arguments: [Value]) -> String {
        var arguments = arguments
        var cased = false
        if case .hash(let options)? = arguments.last {
            cased = options["cased"]?.isTruthy ?? false
            arguments.removeLast()
        }
        if arguments.count > 1 { cased = cased || arguments[1].isTruthy }
        let mode: JekyllSlug.Mode
        switch arguments.first {
        case nil, .nil?: mode = .default
        case .string(let name)?: mode = JekyllSlug.Mode(rawValue: name) ?? .none
        default: mode = .none
        }
        return JekyllSlug.slugify(text, mode: mode, cased: cased)
    }

    /// Words between blanks. In `cjk` mode each Chinese, Japanese or Korean
    /// character is a word too; `auto` counts so only when there is such a
    /// character, and without one both ways give the same number.
    private static func wordCount(_ text: String, mode: String?) -> Int {
        let countsCJK = mode == "cjk" || mode == "auto"
        var words = 0
        var cjk = 0
        var inWord = false
        for scalar in text.unicodeScalars {
            if countsCJK, CJK.contains(scalar) {
                cjk += 1
                inWord = false
            } else if scalar.isASCII, StandardFilters.isBlank(UInt8(scalar.value)) {
                inWord = false
            } else if !inWord {
                words += 1
                inWord = true
            }
        }
        return cjk + words
    }

    /// `apples, oranges, and grapes`: the items' texts, the last after the
    /// connector. A value that is not an array is one item.
    private static func sentence(_ input: Value, connector: String) -> String {
        let items: [Value]
        switch input {
        case .array(let values): items = values
        case .nil: items = []
        default: items = [input]
        }
        switch items.count {
        case 0: return ""
        case 1: return items[0].text
        case 2: return "\(items[0].text) \(connector) \(items[1].text)"
        default: return "\(joined(items.dropLast())), \(connector) \(items[items.count - 1].text)"
        }
    }

    /// Ruby's `Array#join(", ")`, which joins nested arrays' items too.
    private static func joined(_ items: ArraySlice<Value>) -> String {
        items.map { if case .array(let inner) = $0 { joined(inner[...]) } else { $0.text } }.joined(separator: ", ")
    }
}

/// The characters of the Han, Hiragana, Katakana and Hangul scripts, which
/// Jekyll's `number_of_words` counts one word each (`\p{Han}` and so on).
private enum CJK {
    static func contains(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        guard value >= 0x1100 else { return false }
        var low = 0, high = ranges.count
        while low < high {
            let middle = (low + high) / 2
            if ranges[middle].upperBound < value { low = middle + 1 } else { high = middle }
        }
        return low < ranges.count && ranges[low].contains(value)
    }

    /// Unicode's script ranges, in order.
    private static let ranges: [ClosedRange<UInt32>] = [
        0x1100...0x11FF, 0x2E80...0x2E99, 0x2E9B...0x2EF3, 0x2F00...0x2FD5, 0x3005...0x3005, 0x3007...0x3007,
        0x3021...0x3029, 0x302E...0x302F, 0x3038...0x303B, 0x3041...0x3096, 0x309D...0x309F, 0x30A1...0x30FA,
        0x30FD...0x30FF, 0x3131...0x318E, 0x31F0...0x321E, 0x3260...0x327E, 0x32D0...0x32FE, 0x3300...0x3357,
        0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA960...0xA97C, 0xAC00...0xD7A3, 0xD7B0...0xD7C6, 0xD7CB...0xD7FB,
        0xF900...0xFA6D, 0xFA70...0xFAD9, 0xFF66...0xFF6F, 0xFF71...0xFF9D, 0xFFA0...0xFFBE, 0xFFC2...0xFFC7,
        0xFFCA...0xFFCF, 0xFFD2...0xFFD7, 0xFFDA...0xFFDC, 0x16FE2...0x16FE3, 0x16FF0...0x16FF1, 0x1AFF0...0x1AFF3,
        0x1AFF5...0x1AFFB, 0x1AFFD...0x1AFFE, 0x1B000...0x1B122, 0x1B132...0x1B132, 0x1B150...0x1B152,
        0x1B155...0x1B155, 0x1B164...0x1B167, 0x1F200...0x1F200, 0x20000...0x2A6DF, 0x2A700...0x2B739,
        0x2B740...0x2B81D, 0x2B820...0x2CEA1, 0x2CEB0...0x2EBE0, 0x2EBF0...0x2EE5D, 0x2F800...0x2FA1D,
        0x30000...0x3134A, 0x31350...0x323AF
    ]
}
