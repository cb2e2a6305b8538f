/// `jsonify`'s output: Ruby's `to_json` on the value, compact, with keys
/// in the hash's order and text escaped as Ruby's JSON generator escapes it
/// (`/` and non-ASCII characters as they are).
enum JekyllJSON {
    static func generate(_ value: Value) throws -> String {
        var out = ""
        try write(value, into: &out)
        return out
    }

    private static func write(_ value: Value, into out: inout String) throws {
        switch value {
        case .nil: out += "null"
        case .bool(let flag): out += flag ? "true" : "false"
        case .int(let number): out += String(number)
        case .float(let number):
            guard number.isFinite else {
                let name = number.isNaN ? "NaN" : number < 0 ? "-Infinity" : "Infinity"
                throw LiquidError.argument("\(name) not allowed in JSON")
            }
            out += RubyFloat.text(number)
        case .string(let text): quote(text, into: &out)
        case .array(let items):
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                try write(item, into: &out)
            }
            out += "]"
        case .hash(let hash):
            out += "{"
            for (index, pair) in hash.enumerated() {
                if index > 0 { out += "," }
                quote(pair.key, into: &out)
                out += ":"
                try write(pair.value, into: &out)
            }
            out += "}"
        // A drop that is a list writes its items; Liquid cannot list any
        // other drop's keys, so it writes its text.
        case .drop(let drop):
            if let items = drop.items { try write(.array(items), into: &out) } else { quote(drop.text, into: &out) }
        // Ruby writes other objects (times, ranges) as their `to_s`.
        case .range, .time: quote(value.text, into: &out)
        }
    }

    private static func quote(_ text: String, into out: inout String) {
        out += JSON.quoted(text)
    }
}
