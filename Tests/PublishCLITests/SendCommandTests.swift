import Foundation
import Testing
import TestSupport

/// `publish send` refusing what it cannot do, before it connects anywhere.
/// Delivery itself is judged against a real SMTP server by
/// Tests/Conformance/delivery_check.py.
@Suite("publish send")
struct SendCommandTests {
    static func site(email: String) throws -> TemporaryFolder {
        try TemporaryFolder([
            "_posts/2024-01-01-first.md": "---\ntitle: First\n---\nOne.\n",
            "_posts/2024-02-01-second.md": "---\ntitle: Second\n---\nTwo.\n",
            "_config.yml": "title: Notes\nurl: https://example.org\n",
            "publish.yml": "outputs:\n  email:\n" + email,
        ])
    }

    static let environment = ["PUBLISH_UNSUBSCRIBE_SECRET": "a-secret-for-tests"]

    @Test("Without `from` it says what to set")
    func needsFrom() throws {
        let folder = try TemporaryFolder(["_posts/2024-01-01-first.md": "---\ntitle: First\n---\nOne.\n"])
        let run = try Publish.run(["send", "--source", folder.url.path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("needs `outputs.email` with `from:`"))
    }

    @Test("No SMTP URL: an error naming the key and the flag")
    func needsServer() throws {
        let folder = try Self.site(email: "    from: Notes <news@example.org>\n")
        let run = try Publish.run(["send", "--source", folder.url.path], environment: Self.environment)
        #expect(run.status == 1)
        #expect(run.stderr.contains("no SMTP server"))
    }

    @Test("tls: none is refused for a host that is not loopback")
    func noPlainTextToTheWorld() throws {
        let folder = try Self.site(email: "    from: Notes <news@example.org>\n    smtp: {url: \"smtp://mail.example.org\", tls: none}\n")
        let run = try Publish.run(["send", "--source", folder.url.path, "--dry-run"], environment: Self.environment)
        #expect(run.status == 1)
        #expect(run.stderr.contains("without TLS only to this machine"))
    }

    @Test("Credentials are never read from the URL")
    func noCredentialsInTheURL() throws {
        let folder = try Self.site(email: "    from: Notes <news@example.org>\n    smtp: {url: \"smtp://me:pw@mail.example.org\"}\n")
        let run = try Publish.run(["send", "--source", folder.url.path, "--dry-run"], environment: Self.environment)
        #expect(run.status == 1)
        #expect(run.stderr.contains("must not contain a username or password"), "\(run.stderr)")
        #expect(!run.stderr.contains("pw@"))
    }

    @Test("A named credential variable that is unset is an error, before connecting")
    func unsetCredential() throws {
        let folder = try Self.site(email: "    from: Notes <news@example.org>\n"
                                   + "    smtp: {url: \"smtp://127.0.0.1:9\", username_env: NO_SUCH_USER_VARIABLE}\n")
        let run = try Publish.run(["send", "--source", folder.url.path, "--dry-run"], environment: Self.environment)
        #expect(run.status == 1)
        #expect(run.stderr.contains("NO_SUCH_USER_VARIABLE"))
    }

    @Test("An unknown --post lists how to name one")
    func unknownPost() throws {
        let folder = try Self.site(email: "    from: Notes <news@example.org>\n    smtp: {url: \"smtp://127.0.0.1:9\", tls: none}\n")
        let run = try Publish.run(["send", "--source", folder.url.path, "--post", "third", "--dry-run"],
                                  environment: Self.environment)
        #expect(run.status == 1)
        #expect(run.stderr.contains("no published post is 'third'"))
    }

    @Test("The unsubscribe secret must be set")
    func needsSecret() throws {
        let folder = try Self.site(email: "    from: Notes <news@example.org>\n    smtp: {url: \"smtp://127.0.0.1:9\", tls: none}\n")
        let run = try Publish.run(["send", "--source", folder.url.path, "--dry-run"],
                                  environment: ["PUBLISH_UNSUBSCRIBE_SECRET": ""])
        #expect(run.status == 1)
        #expect(run.stderr.contains("PUBLISH_UNSUBSCRIBE_SECRET"))
    }

    @Test("--dry-run names the post and the count, and sends nothing")
    func dryRun() throws {
        let folder = try Self.site(email: "    from: Notes <news@example.org>\n    smtp: {url: \"smtp://127.0.0.1:9\", tls: none}\n")
        _ = try Publish.run(["subscribers", "add", "a@example.net", "--source", folder.url.path])
        _ = try Publish.run(["subscribers", "add", "b@example.net", "--source", folder.url.path])
        let run = try Publish.run(["send", "--source", folder.url.path, "--dry-run", "--post", "first"],
                                  environment: Self.environment)
        #expect(run.status == 0)
        #expect(run.stderr.contains("'First' (_posts/2024-01-01-first.md) would go to 2 subscribers"))
        #expect(run.stderr.contains("nothing sent"))
    }

    @Test("Without a postal address it warns once, at the `email` block, that CAN-SPAM requires one")
    func warnsWithoutAddress() throws {
        let server = "    smtp: {url: \"smtp://127.0.0.1:9\", tls: none}\n"
        let bare = try Self.site(email: "    from: Notes <news@example.org>\n" + server)
        let run = try Publish.run(["send", "--source", bare.url.path, "--dry-run", "--test-to", "me@example.net"],
                                  environment: Self.environment)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.components(separatedBy: "CAN-SPAM").count == 2, "\(run.stderr)")
        #expect(run.stderr.contains("publish.yml:2:3: warning: output `email` has no `address`"), "\(run.stderr)")

        let addressed = try Self.site(email: "    from: Notes <news@example.org>\n    address: 1 Main St, Springfield\n" + server)
        let quiet = try Publish.run(["send", "--source", addressed.url.path, "--dry-run", "--test-to", "me@example.net"],
                                    environment: Self.environment)
        #expect(quiet.status == 0 && !quiet.stderr.contains("CAN-SPAM"), "\(quiet.stderr)")
    }
}
