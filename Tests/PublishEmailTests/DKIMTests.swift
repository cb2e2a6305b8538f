import Foundation
import PublishEmail
import Testing

@Suite("DKIM signatures")
struct DKIMTests {
    /// An Ed25519 key made for these tests with `openssl genpkey -algorithm ed25519`.
    static let pem = """
        -----BEGIN PRIVATE KEY-----
        MC4CAQAwBQYDK2VwBCIEIIHzb/OVrVTzvzwVl/SlxPAkbjQ3rkPCMMkFYg2KaDCP
        -----END PRIVATE KEY-----
        """

    private func signedMessage() throws -> String {
        let signer = DKIMSigner(key: try DKIMKey(pem: DKIMTests.pem), domain: "example.org", selector: "s1")
        return try NewsletterBuild(["_posts/2014-06-16-hello.md": "Hi\n"]).message(signer: signer)
    }

    @Test("An Ed25519 PKCS#8 key signs as ed25519-sha256")
    func ed25519() throws {
        #expect(try DKIMKey(pem: DKIMTests.pem).algorithm == "ed25519-sha256")
    }

    @Test("The signature comes first, relaxed/relaxed, naming each signed field once")
    func signedFields() throws {
        let message = try signedMessage()
        let field = message.components(separatedBy: "\r\nFrom:")[0].replacingOccurrences(of: "\r\n ", with: " ")
        #expect(field.hasPrefix("DKIM-Signature: v=1; a=ed25519-sha256; c=relaxed/relaxed; d=example.org; s=s1;"))
        #expect(field.contains(" h=from:to:subject:date:message-id:mime-version:content-type:list-unsubscribe:"
                               + "list-unsubscribe-post;"))
    }

    @Test("Signing is reproducible: the same message signs to the same bytes")
    func reproducible() throws {
        #expect(try signedMessage() == signedMessage())
    }

    @Test("The public key record is the key's 32 bytes for k=ed25519")
    func dnsRecord() throws {
        let record = try DKIMKey(pem: DKIMTests.pem).dnsRecord
        let key = record.components(separatedBy: "p=")[1]
        #expect(record.hasPrefix("v=DKIM1; k=ed25519; p=") && Data(base64Encoded: key)?.count == 32)
    }

    @Test("A PEM that holds no private key is refused")
    func notAKey() {
        #expect(throws: (any Error).self) { try DKIMKey(pem: "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n") }
    }
}
