import Foundation
import FoundationXML
import PublishAST
import PublishAtom
import PublishEmail
import PublishPipeline
import PublishReader

/// The writers that take a whole site: a site of one post, the input,
/// built in memory the way `SiteLoader` builds a post.
enum SiteHarnesses {
    static let config: SiteConfig = {
        var config = SiteConfig()
        config.title = "Fuzz Site"
        config.url = "https://example.org"
        config.description = "A site of one post"
        return config
    }()

    static func site(_ result: MarkdownReader.Result) -> (Site, Post) {
        let document = result.document
        let date = document.metadata.date?.date(in: config.timeZone) ?? Date(timeIntervalSince1970: 1_577_923_200)
        let post = Post(document: document, sourcePath: Reading.path, url: "/2020/01/02/fuzz.html",
                        outputPath: "2020/01/02/fuzz.html", date: date, isDraft: false, excerpt: document,
                        readingMinutes: ReadingTime.minutes(of: document), source: result.source)
        return (Site(config: config, posts: [post]), post)
    }

    /// Where the feeds are written: a staging folder, discarded after each input.
    static let scratch = URL(fileURLWithPath: NSTemporaryDirectory())
        .appendingPathComponent("publish-fuzz-\(getpid())/_site")

    /// The Atom feeds (and their JSON Feed twins, per category and per tag):
    /// every XML file written must be well-formed, every JSON file JSON.
    static func atom(_ bytes: [UInt8]) {
        guard let result = Reading.post(bytes) else { return }
        let (site, _) = site(result)
        do {
            let output = try OutputFolder(destination: scratch)
            defer { output.discard() }
            var values = YAMLMapping()
            values["tags"] = .bool(true)
            let emitter = try AtomEmitter(options: Settings(owner: "output `atom`", values: values))
            _ = try emitter.emit(site, to: output)
            let files = FileManager.default.enumerator(at: output.staging, includingPropertiesForKeys: nil)
            while let file = files?.nextObject() as? URL {
                guard let data = FileManager.default.contents(atPath: file.path) else { continue }
                switch file.pathExtension {
                case "xml":
                    let parser = XMLParser(data: data)
                    if !parser.parse() {
                        fuzzFailure("\(file.lastPathComponent) is not well-formed XML: "
                                    + "\(parser.parserError.map(String.init(describing:)) ?? "?")")
                    }
                case "json":
                    if (try? JSONSerialization.jsonObject(with: data)) == nil {
                        fuzzFailure("\(file.lastPathComponent) is not JSON")
                    }
                default:
                    break
                }
            }
        } catch is Diagnostic {
        } catch {
            fuzzFailure("the feeds threw something other than a Diagnostic: \(error)")
        }
    }

    static let emailOptions: EmailOptions = {
        var values = YAMLMapping()
        values["from"] = .string("Fuzz Site <news@example.org>")
        return try! EmailOptions(options: Settings(owner: "output `email`", values: values))
    }()

    /// A fixed Ed25519 key (seed bytes 0…31, PKCS #8): made here, not a secret.
    static let signer: DKIMSigner = {
        let der: [UInt8] = [0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20]
            + (0..<32).map { UInt8($0) }
        let pem = "-----BEGIN PRIVATE KEY-----\n\(Data(der).base64EncodedString())\n-----END PRIVATE KEY-----\n"
        return DKIMSigner(key: try! DKIMKey(pem: pem), domain: "example.org", selector: "fuzz")
    }()

    /// The newsletter message, signed: RFC 5322 lines end in CRLF, none
    /// over 998 octets, no bare CR or LF.
    static func email(_ bytes: [UInt8]) {
        guard let result = Reading.post(bytes) else { return }
        let (site, post) = site(result)
        let recipient = Recipient(mailbox: Mailbox(name: "Reader", address: "reader@example.net"), id: "7", token: "TOKEN")
        let message: [UInt8]
        do {
            let issue = try NewsletterIssue(post: post, site: site, options: emailOptions, signer: signer)
            message = try issue.message(to: recipient, date: Date(timeIntervalSince1970: 1_600_000_000))
        } catch is Diagnostic {
            return
        } catch {
            fuzzFailure("the message threw something other than a Diagnostic: \(error)")
        }
        var lineLength = 0
        for (index, byte) in message.enumerated() {
            switch byte {
            case 13:
                if index + 1 >= message.count || message[index + 1] != 10 {
                    fuzzFailure("a bare CR at byte \(index) of the message")
                }
            case 10:
                if index == 0 || message[index - 1] != 13 { fuzzFailure("a bare LF at byte \(index) of the message") }
                lineLength = 0
            default:
                lineLength += 1
                if lineLength > 998 { fuzzFailure("a line over 998 octets ending after byte \(index) of the message") }
            }
        }
    }
}
