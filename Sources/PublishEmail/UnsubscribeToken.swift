import Crypto
import Foundation
import PublishAST

/// The token an unsubscribe link carries: HMAC-SHA256 over the
/// subscriber's id and address, keyed by a secret the list keeps, in
/// base64url. Whoever holds a token can unsubscribe that one address and
/// nothing else; without the secret no token can be made.
public struct UnsubscribeToken: Sendable {
    /// Kept as bytes: swift-crypto's `SymmetricKey` is not `Sendable`.
    private let secret: [UInt8]

    public init(secret: [UInt8]) {
        self.secret = secret
    }

    private var key: SymmetricKey { SymmetricKey(data: secret) }

    /// The secret from the environment variable `name` (`secret_env`).
    ///
    /// - Throws: a `Diagnostic` when it is unset or empty.
    public init(environmentVariable name: String, environment: [String: String] = ProcessInfo.processInfo.environment)
        throws
    {
        guard let secret = environment[name], !secret.isEmpty else {
            throw Diagnostic.error("the environment variable \(name) holds no unsubscribe secret; set it to a long "
                                   + "random text (`openssl rand -hex 32`) and keep it: changing it voids every link")
        }
        self.init(secret: Array(secret.utf8))
    }

    /// The token of one subscriber.
    public func token(subscriberID: String, address: String) -> String {
        Base64.url(Array(HMAC<SHA256>.authenticationCode(for: UnsubscribeToken.message(subscriberID, address),
                                                         using: key)))
    }

    /// Whether `token` is the subscriber's, compared in constant time (the
    /// time taken does not reveal how many leading bytes were right).
    public func verify(_ token: String, subscriberID: String, address: String) -> Bool {
        guard let code = Base64.decodeURL(token), code.count == SHA256.byteCount else { return false }
        return HMAC<SHA256>.isValidAuthenticationCode(code, authenticating: UnsubscribeToken.message(subscriberID, address),
                                                      using: key)
    }

    /// The id, a zero byte (which neither contains), and the address.
    private static func message(_ id: String, _ address: String) -> [UInt8] {
        Array(id.utf8) + [0] + Array(address.utf8)
    }
}
