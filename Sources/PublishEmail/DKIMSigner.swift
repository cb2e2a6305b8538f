import Crypto
import Foundation

/// Signs a message with DKIM (RFC 6376), relaxed/relaxed, over the
/// newsletter's header fields.
public struct DKIMSigner: Sendable {
    /// The fields signed when present, each named once in `h=`.
    public static let signedFields = [
        "From", "To", "Subject", "Date", "Message-ID", "MIME-Version", "Content-Type",
        "List-Unsubscribe", "List-Unsubscribe-Post",
    ]

    public var key: DKIMKey
    /// The `d=` domain, whose DNS publishes the key.
    public var domain: String
    /// The `s=` selector: the key lives at `SELECTOR._domainkey.DOMAIN`.
    public var selector: String

    public init(key: DKIMKey, domain: String, selector: String) {
        self.key = key
        self.domain = domain
        self.selector = selector
    }

    /// The `DKIM-Signature` field for a message of `fields` and `body`
    /// (the bytes after the blank line). `time` is the `t=` tag.
    public func signature(fields: [HeaderField], body: [UInt8], time: Date) throws -> HeaderField {
        let bodyHash = Base64.encode(Array(SHA256.hash(data: RelaxedCanonicalization.body(body))))
        let signed = DKIMSigner.signedFields.compactMap { name in
            fields.last { $0.name.caseInsensitiveCompare(name) == .orderedSame }
        }
        let names = signed.map { $0.name.lowercased() }.joined(separator: ":")
        let tags = ["v=1;", "a=\(key.algorithm);", "c=relaxed/relaxed;", "d=\(domain);", "s=\(selector);",
                    "t=\(Int(time.timeIntervalSince1970));", "h=\(names);", "bh=\(bodyHash);", "b="]
        let unsigned = HeaderField.folded("DKIM-Signature", tokens: tags)
        var data: [UInt8] = []
        for field in signed { data += RelaxedCanonicalization.header(name: field.name, value: field.value) }
        // The signature field itself, empty `b=`, is hashed last, without its CRLF.
        data += RelaxedCanonicalization.header(name: unsigned.name, value: unsigned.value).dropLast(2)
        let signature = Base64.encode(try key.sign(data))
        return HeaderField(name: unsigned.name, value: unsigned.value + DKIMSigner.fold(signature))
    }

    /// The signature in pieces of 72 characters on lines of their own;
    /// verifiers drop the whitespace inside `b=`.
    private static func fold(_ signature: String) -> String {
        var pieces: [Substring] = []
        var rest = signature[...]
        while !rest.isEmpty {
            pieces.append(rest.prefix(72))
            rest = rest.dropFirst(72)
        }
        return pieces.map { "\r\n " + $0 }.joined()
    }
}
