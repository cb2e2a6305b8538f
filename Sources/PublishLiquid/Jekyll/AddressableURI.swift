import Foundation

/// The URI normalization of Ruby's Addressable gem (2.8.2 and later),
/// which Jekyll's `relative_url`, `absolute_url` and `uri_escape` return:
/// each part percent-decoded, NFC-normalized and encoded again with the
/// characters that part allows, the scheme and host in lower case, a
/// default port dropped, and `.` and `..` segments resolved. Bytes
/// throughout: every character it looks at is ASCII.
enum AddressableURI {
    /// Whether `text` names a scheme, as Addressable reads one: text before
    /// the first `:` with no `/`, `?` or `#` in it (`https:`, `mailto:`),
    /// which must be a letter then letters, digits, `+`, `-` and `.`.
    static func isAbsolute(_ text: String) throws -> Bool {
        try Parts(Array(text.utf8)).scheme != nil
    }

    /// `Addressable::URI.parse(text).normalize.to_s`.
    static func normalize(_ text: String) throws -> String {
        // A plain absolute path of unreserved characters (`/2014/06/16/hello/`,
        // what a site's URLs mostly are) is its own normal form.
        if isPlainPath(text) { return text }
        let parts = try Parts(Array(text.utf8))
        var out: [UInt8] = []
        var scheme: String?
        if let raw = parts.scheme {
            let lowered = lowercased(raw)
            scheme = string(lowered)
            out += lowered + [UInt8(ascii: ":")]
        }
        if let host = parts.host {
            out += Array("//".utf8)
            if let info = parts.userInfo { out += normalizedUserInfo(info, scheme: scheme) }
            out += normalizedHost(host)
            if let port = parts.port, port != defaultPorts[scheme ?? ""] { out += Array(":\(port)".utf8) }
        }
        let path = normalizedPath(parts.path, scheme: scheme)
        out += path
        if let query = parts.query {
            let pairs = query.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: false)
            let encoded = pairs.map { component(Array($0), .query, keepsEncodedPlus: true) }
            let joined = Array(encoded.joined(separator: [UInt8(ascii: "&")]))
            if !joined.isEmpty { out += [UInt8(ascii: "?")] + joined }
        }
        if let fragment = parts.fragment {
            let encoded = component(Array(fragment), .fragment)
            if !encoded.isEmpty { out += [UInt8(ascii: "#")] + encoded }
        }
        let normalized = string(out)
        // Resolving `..` can leave `//` at the start, which would read as an authority.
        if parts.host == nil, path.starts(with: "//".utf8) {
            throw invalid("Cannot have a path with two leading slashes without an authority set: '\(normalized)'")
        }
        return normalized
    }

    /// `Addressable::URI.normalize_component(text)`: what `uri_escape` does,
    /// leaving the characters a URI may hold as they are.
    /// `/` then unreserved characters and single slashes, with no `.` or
    /// `..` segment.
    static func isPlainPath(_ text: String) -> Bool {
        var previous: UInt8 = 0
        var segmentDots = 0, segmentLength = 0
        var first = true
        for byte in text.utf8 {
            if first {
                guard byte == UInt8(ascii: "/") else { return false }
                first = false
                previous = byte
                continue
            }
            switch byte {
            case UInt8(ascii: "/"):
                if previous == UInt8(ascii: "/") { return false }
                if segmentLength > 0, segmentDots == segmentLength, segmentLength <= 2 { return false }
                segmentDots = 0
                segmentLength = 0
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "~"):
                segmentLength += 1
            case UInt8(ascii: "."):
                segmentDots += 1
                segmentLength += 1
            default:
                return false
            }
            previous = byte
        }
        if first { return false }
        return !(segmentLength > 0 && segmentDots == segmentLength && segmentLength <= 2)
    }

    static func normalizeComponent(_ text: String) -> String {
        string(component(Array(text.utf8), .reservedOrUnreserved))
    }

    // MARK: Parts

    /// The parts of Addressable's `URIREGEX`: `scheme:`,
    /// `//user:password@host:port`, the path, `?query` and `#fragment`,
    /// checked as Addressable checks them.
    private struct Parts {
        var scheme: ArraySlice<UInt8>?
        var userInfo: ArraySlice<UInt8>?
        /// Set when there is an authority, however empty.
        var host: ArraySlice<UInt8>?
        var port: Int?
        var path: ArraySlice<UInt8> = []
        var query: ArraySlice<UInt8>?
        var fragment: ArraySlice<UInt8>?

        init(_ bytes: [UInt8]) throws {
            var rest = bytes[...]
            if let colon = bytes.firstIndex(where: { $0 == UInt8(ascii: ":") || Parts.endsName($0) }),
               colon > 0, bytes[colon] == UInt8(ascii: ":") {
                let name = bytes[..<colon]
                guard Lexer.isLetter(name[name.startIndex]),
                      name.allSatisfy({ Lexer.isLetter($0) || Lexer.isDigit($0) || "+-.".utf8.contains($0) }) else {
                    throw invalid("Invalid scheme format: '\(string(name))'")
                }
                scheme = name
                rest = bytes[(colon + 1)...]
            }
            if rest.starts(with: "//".utf8) {
                let start = rest.startIndex + 2
                let end = rest[start...].firstIndex(where: Parts.endsName) ?? rest.endIndex
                try readAuthority(rest[start..<end])
                rest = rest[end...]
            }
            if let hash = rest.firstIndex(of: UInt8(ascii: "#")) {
                // The fragment ends at a line break; what follows is lost.
                fragment = rest[(hash + 1)...].prefix { $0 != UInt8(ascii: "\n") }
                rest = rest[..<hash]
            }
            if let question = rest.firstIndex(of: UInt8(ascii: "?")) {
                query = rest[(question + 1)...]
                rest = rest[..<question]
            }
            path = rest
            if let scheme, host?.isEmpty ?? true, path.isEmpty, defaultPorts[string(lowercased(scheme))] != nil {
                throw invalid("Absolute URI missing hierarchical segment: '\(string(bytes))'")
            }
            if scheme == nil, Parts.isAmbiguous(path) {
                throw invalid("Cannot assemble URI string with ambiguous path: '\(string(path))'")
            }
        }

        /// `user:password@host:port`: the user part ends at the last `@`
        /// before any bracket, the port starts at the last `:` after it.
        private mutating func readAuthority(_ authority: ArraySlice<UInt8>) throws {
            var hostAndPort = authority
            let unbracketed = authority.prefix { $0 != UInt8(ascii: "[") && $0 != UInt8(ascii: "]") }
            if let at = unbracketed.lastIndex(of: UInt8(ascii: "@")) {
                userInfo = authority[..<at]
                hostAndPort = authority[(at + 1)...]
            }
            var hostName = hostAndPort
            if let colon = hostAndPort.lastIndex(of: UInt8(ascii: ":")),
               !hostAndPort[(colon + 1)...].contains(where: { "@[]".utf8.contains($0) }) {
                hostName = hostAndPort[..<colon]
                let digits = unencoded(hostAndPort[(colon + 1)...], keepsPlus: false)
                if !digits.isEmpty {
                    guard digits.allSatisfy(Lexer.isDigit) else {
                        throw invalid("Invalid port number: \(RubyString.inspect(string(digits)))")
                    }
                    // Port 0 is no port.
                    port = Int(string(digits)).flatMap { $0 == 0 ? nil : $0 }
                }
            }
            host = hostName
            let name = string(hostName)
            let forbidden = "<>{}/\\?#@\"".unicodeScalars
            if name.unicodeScalars.contains(where: { forbidden.contains($0) || $0.properties.isWhitespace }) {
                throw invalid("Invalid character in host: '\(name)'")
            }
        }

        /// Addressable's `NORMPATH`: a path without a scheme that would
        /// read as one, a line of it having a `:` before any `/`.
        private static func isAmbiguous(_ path: ArraySlice<UInt8>) -> Bool {
            var index = path.startIndex
            while index < path.endIndex {
                if path[index] != UInt8(ascii: "/"),
                   let stop = path[index...].firstIndex(where: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: ":") }),
                   path[stop] == UInt8(ascii: ":") {
                    return true
                }
                guard let lineBreak = path[index...].firstIndex(of: UInt8(ascii: "\n")) else { return false }
                index = lineBreak + 1
            }
            return false
        }

        /// `/`, `?` and `#`, which end a scheme or an authority.
        static func endsName(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: "/") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "#")
        }
    }

    // MARK: Authority

    /// The host in lower case, decoded and encoded again, without a
    /// trailing `.`.
    private static func normalizedHost(_ host: ArraySlice<UInt8>) -> [UInt8] {
        var name = unencoded(lowercased(strip(host)), keepsPlus: false)
        if name.count > 1, name.last == UInt8(ascii: "."), name[name.count - 2] != UInt8(ascii: ".") {
            name.removeLast()
        }
        return encoded(name, .host)
    }

    /// `user:password@`, or nothing when both are empty in an `http` URI.
    private static func normalizedUserInfo(_ info: ArraySlice<UInt8>, scheme: String?) -> [UInt8] {
        let info = strip(info)
        let colon = info.firstIndex(of: UInt8(ascii: ":"))
        let user = strip(info[..<(colon ?? info.endIndex)])
        let password = colon.map { strip(info[($0 + 1)...]) }
        let isHTTP = scheme.map { $0.contains("http") } ?? false
        if isHTTP, user.isEmpty, password?.isEmpty ?? true { return [] }
        var out = component(Array(user), .unreserved)
        if let password {
            out += [UInt8(ascii: ":")] + component(Array(password), .unreserved)
        }
        return out + [UInt8(ascii: "@")]
    }

    private static let defaultPorts: [String: Int] = [
        "http": 80, "https": 443, "ftp": 21, "tftp": 69, "sftp": 22, "ssh": 22, "svn+ssh": 22,
        "telnet": 23, "nntp": 119, "gopher": 70, "wais": 210, "ldap": 389, "prospero": 1525,
    ]

    // MARK: Path

    /// Each segment normalized, dot segments resolved, and `/` for the
    /// empty path of a web URI.
    private static func normalizedPath(_ path: ArraySlice<UInt8>, scheme: String?) -> [UInt8] {
        let segments = strip(path).split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        var result = removingDotSegments(Array(segments.map { component(Array($0), .pathSegment) }
            .joined(separator: [UInt8(ascii: "/")])))
        if result.isEmpty, ["http", "https", "ftp", "tftp"].contains(scheme ?? "") { result = [UInt8(ascii: "/")] }
        return result
    }

    /// RFC 3986's `remove_dot_segments`.
    private static func removingDotSegments(_ path: [UInt8]) -> [UInt8] {
        let slash = UInt8(ascii: "/")
        var input = path[...]
        var output: [UInt8] = []
        func removeLastSegment() {
            if let last = output.lastIndex(of: slash) { output.removeSubrange(last...) } else { output.removeAll() }
        }
        while !input.isEmpty {
            if input.starts(with: "../".utf8) {
                input.removeFirst(3)
            } else if input.starts(with: "./".utf8) || input.starts(with: "/./".utf8) {
                input.removeFirst(2)
            } else if input.elementsEqual("/.".utf8) {
                input = [slash][...]
            } else if input.starts(with: "/../".utf8) {
                input.removeFirst(3)
                removeLastSegment()
            } else if input.elementsEqual("/..".utf8) {
                input = [slash][...]
                removeLastSegment()
            } else if input.elementsEqual(".".utf8) || input.elementsEqual("..".utf8) {
                input.removeAll()
            } else {
                let start = input.first == slash ? input.startIndex + 1 : input.startIndex
                let end = input[start...].firstIndex(of: slash) ?? input.endIndex
                output += input[..<end]
                input = input[end...]
            }
        }
        return output
    }

    // MARK: Components

    /// The characters each part keeps unencoded.
    private enum CharacterClass {
        case unreserved, host, pathSegment, query, fragment, reservedOrUnreserved

        func allows(_ byte: UInt8) -> Bool {
            let isUnreserved = Lexer.isLetter(byte) || Lexer.isDigit(byte) || "-._~".utf8.contains(byte)
            switch self {
            case .unreserved: return isUnreserved
            case .host: return isUnreserved || CharacterClass.isSubDelimiter(byte) || "[:]".utf8.contains(byte)
            case .pathSegment: return isUnreserved || CharacterClass.isSubDelimiter(byte) || ":@".utf8.contains(byte)
            case .fragment: return isUnreserved || CharacterClass.isSubDelimiter(byte) || ":@/?".utf8.contains(byte)
            case .query: return isUnreserved || "!$'()*+,=:@/?".utf8.contains(byte)
            case .reservedOrUnreserved:
                return isUnreserved || CharacterClass.isSubDelimiter(byte) || ":/?#[]@".utf8.contains(byte)
            }
        }

        static func isSubDelimiter(_ byte: UInt8) -> Bool {
            "!$&'()*+,;=".utf8.contains(byte)
        }
    }

    /// Addressable's `normalize_component`: decoded, NFC-normalized and
    /// encoded again. A query keeps `%2B` as it is, since decoding it
    /// would turn it into a `+`, which reads as a space.
    private static func component(_ bytes: [UInt8], _ characters: CharacterClass,
                                  keepsEncodedPlus: Bool = false) -> [UInt8] {
        let plain = unencoded(bytes[...], keepsPlus: keepsEncodedPlus)
        guard plain.contains(where: { $0 >= 0x80 }) else { return encoded(plain, characters) }
        // Text that is not UTF-8 is encoded as it is, with Addressable's
        // default characters.
        guard let text = StandardFilters.validUTF8(plain) else { return encoded(plain, .reservedOrUnreserved) }
        return encoded(Array(text.precomposedStringWithCanonicalMapping.utf8), characters)
    }

    /// `%XX` decoded to its byte.
    private static func unencoded(_ bytes: ArraySlice<UInt8>, keepsPlus: Bool) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if let decoded = StandardFilters.percentDecoded(bytes, at: index),
               !(keepsPlus && decoded == UInt8(ascii: "+")) {
                out.append(decoded)
                index += 3
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return out
    }

    /// Every byte the class does not allow as `%XX`; in a query, a `%`
    /// stays when it starts a kept `%2B`.
    private static func encoded(_ bytes: [UInt8], _ characters: CharacterClass) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        for (index, byte) in bytes.enumerated() {
            if characters.allows(byte) || (characters == .query && isEncodedPlus(bytes, at: index)) {
                out.append(byte)
            } else {
                StandardFilters.appendPercentEncoded(byte, to: &out)
            }
        }
        return out
    }

    private static func isEncodedPlus(_ bytes: [UInt8], at index: Int) -> Bool {
        index + 2 < bytes.count && bytes[index] == UInt8(ascii: "%") && bytes[index + 1] == UInt8(ascii: "2")
            && (bytes[index + 2] == UInt8(ascii: "B") || bytes[index + 2] == UInt8(ascii: "b"))
    }

    /// Addressable's `InvalidURIError`, which stops a Jekyll build.
    private static func invalid(_ message: String) -> LiquidError {
        .argument(message)
    }

    private static func string(_ bytes: some Collection<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// Ruby's `strip`: blanks and NUL at both ends.
    private static func strip(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        guard let first = bytes.firstIndex(where: { !RubyString.isSpace($0) }),
              let last = bytes.lastIndex(where: { !RubyString.isSpace($0) }) else { return bytes[bytes.endIndex...] }
        return bytes[first...last]
    }

    private static func lowercased(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        ArraySlice(bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 })
    }
}
