/// `multipart/form-data` (RFC 7578 over RFC 2046): parts between
/// `--BOUNDARY` lines, each with header lines, a blank line and its
/// content, the last boundary followed by `--`. A part's name is the
/// `name` parameter of its `Content-Disposition`; its content is read as
/// UTF-8. Lines end with CRLF, as the RFCs and every browser write them.
enum FormMultipart {
    /// The named parts in order; nil when the body is not multipart with
    /// this boundary (no opening or closing delimiter, a part cut short).
    static func parse(_ body: [UInt8], boundary: String) -> [(name: String, value: String)]? {
        guard !boundary.isEmpty, boundary.utf8.count <= 70 else { return nil }
        let crlf: [UInt8] = [13, 10]
        let delimiter = Array("--\(boundary)".utf8)
        // The first delimiter opens the body or follows the preamble's CRLF.
        var position: Int
        if body.starts(with: delimiter) {
            position = delimiter.count
        } else if let found = find(crlf + delimiter, in: body, from: 0) {
            position = found + 2 + delimiter.count
        } else {
            return nil
        }
        var fields: [(name: String, value: String)] = []
        while true {
            if body[position...].starts(with: [45, 45]) { return fields }
            // Transport padding, then the end of the delimiter line.
            while position < body.count, body[position] == 32 || body[position] == 9 { position += 1 }
            guard body[position...].starts(with: crlf) else { return nil }
            position += 2
            var name: String?
            while true {
                guard let end = find(crlf, in: body, from: position) else { return nil }
                let line = String(decoding: body[position..<end], as: UTF8.self)
                position = end + 2
                if line.isEmpty { break }
                guard let colon = line.firstIndex(of: ":"),
                      line[..<colon].trimmingSpaces.lowercased() == "content-disposition" else { continue }
                let disposition = FormContentType(parsing: String(line[line.index(after: colon)...]))
                if disposition.value == "form-data" { name = disposition.parameters["name"] }
            }
            guard let end = find(crlf + delimiter, in: body, from: position) else { return nil }
            if let name { fields.append((name, String(decoding: body[position..<end], as: UTF8.self))) }
            position = end + 2 + delimiter.count
        }
    }

    /// The first place `needle` starts in `haystack` at or after `start`.
    /// A plain scan: bodies are at most 64 KiB and boundaries 70 bytes.
    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count, start <= haystack.count - needle.count else {
            return nil
        }
        for index in start...(haystack.count - needle.count)
        where haystack[index] == needle[0] && haystack[index..<(index + needle.count)].elementsEqual(needle) {
            return index
        }
        return nil
    }
}

private extension Substring {
    var trimmingSpaces: Substring {
        var text = self
        while text.first == " " || text.first == "\t" { text = text.dropFirst() }
        while text.last == " " || text.last == "\t" { text = text.dropLast() }
        return text
    }
}
