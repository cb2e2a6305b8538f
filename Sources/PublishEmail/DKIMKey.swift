import Crypto
import Foundation
import PublishAST
import _CryptoExtras

/// A DKIM signing key: RSA (rsa-sha256, RFC 6376) or Ed25519
/// (ed25519-sha256, RFC 8463), read from a PEM file.
public struct DKIMKey: Sendable {
    private enum Material: Sendable {
        case rsa(_RSA.Signing.PrivateKey)
        /// The 32-byte seed; swift-crypto's key type is not `Sendable`.
        case ed25519([UInt8])
    }

    private let material: Material

    /// The DER prefix of an Ed25519 private key in PKCS#8 (RFC 8410 §7):
    /// the version, the algorithm 1.3.101.112, and the 32-byte seed's header.
    private static let ed25519Prefix: [UInt8] = [
        0x30, 0x2E, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20,
    ]

    /// Reads a PKCS#8 `PRIVATE KEY` (RSA or Ed25519) or a PKCS#1
    /// `RSA PRIVATE KEY`.
    ///
    /// - Throws: a `Diagnostic` when the text is neither.
    public init(pem: String) throws {
        if let der = DKIMKey.derOfPrivateKey(pem), der.count == 48, Array(der.prefix(16)) == DKIMKey.ed25519Prefix {
            let seed = Array(der.suffix(32))
            _ = try Curve25519.Signing.PrivateKey(rawRepresentation: seed)
            material = .ed25519(seed)
            return
        }
        do {
            material = .rsa(try _RSA.Signing.PrivateKey(pemRepresentation: pem))
        } catch {
            throw Diagnostic.error("the DKIM key is neither an Ed25519 nor an RSA private key of 2048 bits or more "
                                   + "in PEM (make one with `openssl genpkey -algorithm ed25519`)")
        }
    }

    /// Reads the key from a PEM file.
    ///
    /// - Throws: a `Diagnostic` at `path` when it cannot be read or is no key.
    public init(file: URL, path: String) throws {
        let at = SourceLocation(path: path, position: .unknown)
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw Diagnostic.error("the DKIM key file cannot be read", at: at)
        }
        do {
            try self.init(pem: String(decoding: data, as: UTF8.self))
        } catch var diagnostic as Diagnostic {
            diagnostic.location = at
            throw diagnostic
        }
    }

    /// The `a=` tag's algorithm.
    public var algorithm: String {
        switch material {
        case .rsa: return "rsa-sha256"
        case .ed25519: return "ed25519-sha256"
        }
    }

    /// The DNS TXT record that publishes the public key at
    /// `SELECTOR._domainkey.DOMAIN`.
    public var dnsRecord: String {
        switch material {
        case .rsa(let key):
            return "v=DKIM1; k=rsa; p=" + key.publicKey.derRepresentation.base64EncodedString()
        case .ed25519(let seed):
            let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: seed)
            return "v=DKIM1; k=ed25519; p=" + (key?.publicKey.rawRepresentation.base64EncodedString() ?? "")
        }
    }

    /// Signs the canonicalized header data. Ed25519 signs its SHA-256 hash,
    /// as RFC 8463 §3 says; RSA hashes with SHA-256 and pads as PKCS#1 v1.5.
    func sign(_ data: [UInt8]) throws -> [UInt8] {
        switch material {
        case .rsa(let key):
            return Array(try key.signature(for: data, padding: .insecurePKCS1v1_5).rawRepresentation)
        case .ed25519(let seed):
            let key = try Curve25519.Signing.PrivateKey(rawRepresentation: seed)
            return Array(try key.signature(for: Data(SHA256.hash(data: data))))
        }
    }

    /// The DER bytes of a `-----BEGIN PRIVATE KEY-----` block.
    private static func derOfPrivateKey(_ pem: String) -> [UInt8]? {
        let lines = pem.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        guard let begin = lines.firstIndex(of: "-----BEGIN PRIVATE KEY-----"),
              let end = lines.firstIndex(of: "-----END PRIVATE KEY-----"), begin < end else { return nil }
        return Data(base64Encoded: lines[(begin + 1)..<end].joined()).map { Array($0) }
    }
}
