import Testing
@testable import PublishEmail

@Suite("Unsubscribe tokens")
struct UnsubscribeTokenTests {
    let tokens = UnsubscribeToken(secret: Array("a secret of the list".utf8))

    @Test("A subscriber's own token verifies")
    func verifies() {
        #expect(tokens.verify(tokens.token(subscriberID: "42", address: "a@example.org"), subscriberID: "42",
                              address: "a@example.org"))
    }

    @Test("The token is base64url: safe in a URL as it is")
    func urlSafe() {
        let token = tokens.token(subscriberID: "42", address: "a@example.org")
        #expect(token.count == 43 && token.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
    }

    @Test("Another address, another id or another secret refuses the token")
    func boundToSubscriber() {
        let token = tokens.token(subscriberID: "42", address: "a@example.org")
        #expect(!tokens.verify(token, subscriberID: "42", address: "b@example.org"))
        #expect(!tokens.verify(token, subscriberID: "43", address: "a@example.org"))
        #expect(!UnsubscribeToken(secret: Array("other".utf8)).verify(token, subscriberID: "42", address: "a@example.org"))
    }

    @Test("The id and the address cannot trade characters: 4 + 2a@ is not 42 + a@")
    func unambiguous() {
        #expect(tokens.token(subscriberID: "4", address: "2a@example.org") != tokens.token(subscriberID: "42", address: "a@example.org"))
    }

    @Test("A change to the first or the last character, or a cut, is refused alike")
    func tampered() {
        let token = tokens.token(subscriberID: "42", address: "a@example.org")
        let flip = { (c: Character) -> String in c == "A" ? "B" : "A" }
        let first: String = flip(token.first!) + String(token.dropFirst())
        let last: String = String(token.dropLast()) + flip(token.last!)
        for bad in [first, last, String(token.dropLast()), "", token + "A", "not base64!"] {
            #expect(!tokens.verify(bad, subscriberID: "42", address: "a@example.org"))
        }
    }

    @Test("No secret in the environment is an error that names the variable")
    func missingSecret() {
        #expect(throws: (any Error).self) { try UnsubscribeToken(environmentVariable: "NEWS_SECRET", environment: [:]) }
    }
}
