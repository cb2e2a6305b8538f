/// The string filters. Each reads its input as Ruby's `to_s` would
/// (`Value.text`) and counts characters as Ruby does, by code point.
extension StandardFilters {
    static let strings: [String: Filter] = [
        "downcase": Filter { input, _, _ in .string(input.text.lowercased()) },
        "upcase": Filter { input, _, _ in .string(input.text.uppercased()) },
        "capitalize": Filter { input, _, _ in .string(capitalize(input.text)) },
        "strip": Filter { input, _, _ in .string(String(RubyString.strip(input.text[...]))) },
        "lstrip": Filter { input, _, _ in .string(String(RubyString.lstrip(input.text[...]))) },
        "rstrip": Filter { input, _, _ in .string(String(RubyString.rstrip(input.text[...]))) },
        "squish": Filter { input, _, _ in input.isNil ? .nil : .string(squish(input.text)) },
        "strip_newlines": Filter { input, _, _ in .string(replacingNewlines(input.text, with: "")) },
        "append": Filter(required: 1) { input, arguments, _ in .string(input.text + arguments[0].text) },
        "prepend": Filter(required: 1) { input, arguments, _ in .string(arguments[0].text + input.text) },
        "split": Filter(required: 1) { input, arguments, _ in
            .array(split(input.text, on: arguments[0].text).map(Value.string))
        },
        "slice": Filter(required: 1, optional: 1) { input, arguments, _ in
            let offset = try integer(arguments[0])
            let length = arguments.count > 1 && arguments[1].isTruthy ? try integer(arguments[1]) : 1
            if case .array(let items) = input {
                guard let range = sliceRange(count: items.count, offset: offset, length: length) else { return .array([]) }
                return .array(Array(items[range]))
            }
            let scalars = input.text.unicodeScalars
            guard let range = sliceRange(count: scalars.count, offset: offset, length: length) else { return "" }
            let start = scalars.index(scalars.startIndex, offsetBy: range.lowerBound)
            return .string(String(scalars[start..<scalars.index(start, offsetBy: range.count)]))
        },
        "truncate": Filter(optional: 2) { input, arguments, _ in
            if input.isNil { return .nil }
            let length = try arguments.first.map(integer) ?? 50
            let ellipsis = arguments.count > 1 ? arguments[1].text : "..."
            return .string(truncate(input.text, to: length, ellipsis: ellipsis))
        },
        "truncatewords": Filter(optional: 2) { input, arguments, _ in
            if input.isNil { return .nil }
            let words = try arguments.first.map(integer) ?? 15
            let ellipsis = arguments.count > 1 ? arguments[1].text : "..."
            return .string(truncateWords(input.text, to: max(words, 1), ellipsis: ellipsis))
        },
        "replace": Filter(required: 1, optional: 1) { input, arguments, _ in
            .string(substitute(input.text, arguments[0].text, arguments.count > 1 ? arguments[1].text : "", all: true))
        },
        "replace_first": Filter(required: 1, optional: 1) { input, arguments, _ in
            .string(substitute(input.text, arguments[0].text, arguments.count > 1 ? arguments[1].text : "", all: false))
        },
        "replace_last": Filter(required: 2) { input, arguments, _ in
            .string(replaceLast(input.text, arguments[0].text, arguments[1].text))
        },
        "remove": Filter(required: 1) { input, arguments, _ in
            .string(substitute(input.text, arguments[0].text, "", all: true))
        },
        "remove_first": Filter(required: 1) { input, arguments, _ in
            .string(substitute(input.text, arguments[0].text, "", all: false))
        },
        "remove_last": Filter(required: 1) { input, arguments, _ in
            .string(replaceLast(input.text, arguments[0].text, ""))
        },
    ]

    /// `String#capitalize`: the first character in title case, the rest in
    /// lower case.
    static func capitalize(_ text: String) -> String {
        guard let first = text.unicodeScalars.first else { return text }
        return first.properties.titlecaseMapping + String(text.unicodeScalars.dropFirst()).lowercased()
    }

    /// Ruby's `\s`: space, tab, line feed, vertical tab, form feed, carriage return.
    static func isBlank(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }

    /// `strip.gsub(/\s+/, ' ')`.
    static func squish(_ text: String) -> String {
        var out: [UInt8] = []
        var inBlanks = false
        for byte in RubyString.strip(text[...]).utf8 {
            if isBlank(byte) {
                if !inBlanks { out.append(0x20) }
                inBlanks = true
            } else {
                out.append(byte)
                inBlanks = false
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `gsub(/\r?\n/, replacement)`, for `strip_newlines` and `newline_to_br`.
    static func replacingNewlines(_ text: String, with replacement: String) -> String {
        guard text.utf8.contains(0x0A) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            if byte == 0x0A {
                if out.last == 0x0D { out.removeLast() }
                out.append(contentsOf: replacement.utf8)
            } else {
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The indices of Ruby's `slice(offset, length)`: a negative offset
    /// counts from the end; nil when the offset falls outside or the
    /// length is negative.
    static func sliceRange(count: Int, offset: Int, length: Int) -> Range<Int>? {
        guard length >= 0 else { return nil }
        let start = offset < 0 ? offset + count : offset
        guard start >= 0, start <= count else { return nil }
        return start..<(start + min(length, count - start))
    }

    /// `truncate`: at most `length` characters, the ellipsis included.
    static func truncate(_ text: String, to length: Int, ellipsis: String) -> String {
        if text.utf8.count <= length { return text }
        let scalars = text.unicodeScalars
        guard scalars.count > length else { return text }
        let ellipsisLength = ellipsis.unicodeScalars.count
        let kept = length > ellipsisLength ? length - ellipsisLength : 0
        return String(scalars.prefix(kept)) + ellipsis
    }

    /// `truncatewords`: the first `count` words joined by single spaces and
    /// the ellipsis, or the text unchanged when it has no more words. Ruby
    /// splits with a limit, so blanks after the last counted word also
    /// count as more.
    static func truncateWords(_ text: String, to count: Int, ellipsis: String) -> String {
        let words = awkSplit(text, limit: count == .max ? nil : count + 1)
        guard words.count > count else { return text }
        return words.prefix(count).joined(separator: " ") + ellipsis
    }

    /// `String#split(pattern)`: a single space splits on runs of blanks,
    /// the empty pattern into characters, anything else on each
    /// occurrence; empty fields at the end are dropped.
    static func split(_ text: String, on pattern: String) -> [String] {
        if text.isEmpty { return [] }
        if pattern == " " { return awkSplit(text).map(String.init) }
        if pattern.isEmpty { return text.unicodeScalars.map { String($0) } }
        let bytes = Array(text.utf8), needle = Array(pattern.utf8)
        var fields: [String] = []
        var start = 0
        for match in occurrences(of: needle, in: bytes) {
            fields.append(String(decoding: bytes[start..<match], as: UTF8.self))
            start = match + needle.count
        }
        fields.append(String(decoding: bytes[start...], as: UTF8.self))
        while fields.last?.isEmpty == true { fields.removeLast() }
        return fields
    }

    /// Ruby's `split(" ", limit)`: fields between runs of blanks, blanks
    /// at the start ignored. With a limit, the last field is the rest of
    /// the text from its first word on, empty when only blanks are left.
    static func awkSplit(_ text: String, limit: Int? = nil) -> [Substring] {
        let utf8 = text.utf8
        var fields: [Substring] = []
        var start = utf8.startIndex, end = start
        var skipping = true
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let byte = utf8[index]
            let next = utf8.index(after: index)
            if skipping {
                if isBlank(byte) {
                    start = next
                } else {
                    end = next
                    skipping = false
                    if let limit, limit <= fields.count + 1 { break }
                }
            } else if isBlank(byte) {
                fields.append(text[start..<end])
                skipping = true
                start = next
            } else {
                end = next
            }
            index = next
        }
        if !text.isEmpty, limit != nil || start != utf8.endIndex {
            fields.append(text[start...])
        }
        return fields
    }

    /// Where `needle` starts in `bytes`, left to right without overlaps;
    /// the empty needle is found at every character boundary, as Ruby
    /// finds it.
    static func occurrences(of needle: [UInt8], in bytes: [UInt8], limit: Int = .max) -> [Int] {
        var found: [Int] = []
        guard limit > 0 else { return found }
        guard let first = needle.first else {
            for (offset, byte) in bytes.enumerated() where byte & 0xC0 != 0x80 {
                found.append(offset)
                if found.count == limit { return found }
            }
            found.append(bytes.count)
            return found
        }
        var index = 0
        let last = bytes.count - needle.count
        while index <= last {
            if bytes[index] == first, bytes[index..<index + needle.count].elementsEqual(needle) {
                found.append(index)
                if found.count == limit { break }
                index += needle.count
            } else {
                index += 1
            }
        }
        return found
    }

    /// `gsub` and `sub` with a text pattern. The replacement is read as
    /// Ruby reads it: `\0` and `\&` are the match, `` \` `` and `\'` the
    /// text before and after it, `\\` a backslash.
    static func substitute(_ text: String, _ pattern: String, _ replacement: String, all: Bool) -> String {
        let bytes = Array(text.utf8), needle = Array(pattern.utf8)
        let matches = occurrences(of: needle, in: bytes, limit: all ? .max : 1)
        if matches.isEmpty { return text }
        let template = Array(replacement.utf8)
        let plain = !template.contains(UInt8(ascii: "\\"))
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var start = 0
        for match in matches {
            out += bytes[start..<match]
            let end = match + needle.count
            if plain {
                out += template
            } else {
                expand(template, match: bytes[match..<end], before: bytes[..<match], after: bytes[end...], into: &out)
            }
            start = end
        }
        out += bytes[start...]
        return String(decoding: out, as: UTF8.self)
    }

    private static func expand(_ template: [UInt8], match: ArraySlice<UInt8>, before: ArraySlice<UInt8>,
                               after: ArraySlice<UInt8>, into out: inout [UInt8]) {
        var index = 0
        while index < template.count {
            let byte = template[index]
            guard byte == UInt8(ascii: "\\"), index + 1 < template.count else {
                out.append(byte)
                index += 1
                continue
            }
            let code = template[index + 1]
            index += 2
            switch code {
            case UInt8(ascii: "0"), UInt8(ascii: "&"): out += match
            case UInt8(ascii: "`"): out += before
            case UInt8(ascii: "'"): out += after
            case UInt8(ascii: "\\"): out.append(code)
            // A text pattern has no groups: `\1` to `\9` stand for nothing.
            case UInt8(ascii: "1")...UInt8(ascii: "9"): break
            default: out += [byte, code]
            }
        }
    }

    /// `replace_last`: the last occurrence replaced by the plain text.
    static func replaceLast(_ text: String, _ pattern: String, _ replacement: String) -> String {
        let bytes = Array(text.utf8), needle = Array(pattern.utf8)
        guard let start = lastOccurrence(of: needle, in: bytes) else { return text }
        return String(decoding: bytes[..<start] + Array(replacement.utf8) + bytes[(start + needle.count)...], as: UTF8.self)
    }

    static func lastOccurrence(of needle: [UInt8], in bytes: [UInt8]) -> Int? {
        guard needle.count <= bytes.count else { return nil }
        var index = bytes.count - needle.count
        while index >= 0 {
            if bytes[index..<index + needle.count].elementsEqual(needle) { return index }
            index -= 1
        }
        return nil
    }
}
