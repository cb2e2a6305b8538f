/// Code and its runs as Rouge's HTML formatter writes them: each token in
/// `<span class="SHORT">`, plain text bare, `&`, `<` and `>` escaped.
public enum SpanFormatter {
    public static func html(_ code: String, _ runs: [TokenRun]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(code.utf8.count * 2)
        var offset = 0
        let bytes = Array(code.utf8)
        for run in runs {
            let piece = bytes[offset..<(offset + run.length)]
            offset += run.length
            let short = run.type.shortClass
            if !short.isEmpty { out += Array("<span class=\"\(short)\">".utf8) }
            for byte in piece {
                switch byte {
                case UInt8(ascii: "&"): out += Array("&amp;".utf8)
                case UInt8(ascii: "<"): out += Array("&lt;".utf8)
                case UInt8(ascii: ">"): out += Array("&gt;".utf8)
                default: out.append(byte)
                }
            }
            if !short.isEmpty { out += Array("</span>".utf8) }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
