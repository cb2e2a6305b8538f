import Foundation
import PublishAST

/// An address with an optional display name: `Example News <news@example.org>`.
public struct Mailbox: Hashable, Sendable, CustomStringConvertible {
    public var name: String?
    /// `local@domain`.
    public var address: String

    public init(name: String? = nil, address: String) {
        self.name = name
        self.address = address
    }

    /// Reads `news@example.org` or `Name <news@example.org>`; the name may
    /// be quoted.
    ///
    /// - Throws: a `Diagnostic` when it is not an address.
    public init(parsing text: String) throws {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        var name: String?
        var address = trimmed
        if trimmed.hasSuffix(">"), let open = trimmed.lastIndex(of: "<") {
            address = String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)])
            var phrase = trimmed[..<open].trimmingCharacters(in: .whitespaces)
            if phrase.count >= 2, phrase.hasPrefix("\""), phrase.hasSuffix("\"") {
                phrase = String(phrase.dropFirst().dropLast())
            }
            name = phrase.isEmpty ? nil : phrase
        }
        guard Mailbox.isAddress(address) else {
            throw Diagnostic.error("'\(text)' is not an email address (write name@example.org or Name <name@example.org>)")
        }
        self.init(name: name, address: address)
    }

    /// The part after `@`: where Message-IDs and List-Id live.
    public var domain: String {
        String(address[address.index(after: address.lastIndex(of: "@")!)...])
    }

    /// An ASCII `local@domain` with a dotted domain and nothing that would
    /// need quoting: what a newsletter sends from and to.
    static func isAddress(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
              !parts[1].hasPrefix("."), !parts[1].hasSuffix("."), !parts[0].hasPrefix("."), !parts[0].hasSuffix("."),
              !text.contains("..") else { return false }
        let local = parts[0].unicodeScalars.allSatisfy { isAtext($0) || $0 == "." }
        let domain = parts[1].unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "."
        }
        return local && domain
    }

    /// RFC 5322's atext.
    static func isAtext(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
            || "!#$%&'*+-/=?^_`{|}~".unicodeScalars.contains(scalar)
    }

    /// The tokens of the header value: the name, then `<address>`.
    func headerTokens(firstLength: Int) -> [String] {
        guard let name, !name.isEmpty else { return [address] }
        return Mailbox.phrase(name, firstLength: firstLength) + ["<\(address)>"]
    }

    /// A display name as header tokens: atoms, a quoted string, or
    /// encoded-words when it is not plain ASCII.
    static func phrase(_ name: String, firstLength: Int) -> [String] {
        let words = name.split(separator: " ")
        let atoms = !name.contains("  ") && !name.hasPrefix(" ") && !name.hasSuffix(" ")
            && words.allSatisfy { $0.unicodeScalars.allSatisfy(Mailbox.isAtext) && !$0.contains("=?") }
        if atoms { return words.map(String.init) }
        if HeaderField.isPlain(name) && name.count < 70 {
            let quoted = name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            return ["\"\(quoted)\""]
        }
        return EncodedWords.encode(name, firstLength: firstLength)
    }

    /// The mailbox as a header field.
    func field(_ name: String) -> HeaderField {
        HeaderField.folded(name, tokens: headerTokens(firstLength: 78 - name.count - 2))
    }

    public var description: String {
        name.map { "\($0) <\(address)>" } ?? address
    }
}
