import Foundation

/// Where and how to send mail: the host and port, the kind of TLS, the
/// credentials and the name the client gives itself. Made from the URL a
/// user configures, with credentials from the environment only.
public struct SMTPServer: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// How the connection is encrypted.
    public enum Security: String, Sendable {
        /// Plain text; allowed only to a loopback host.
        case none
        /// Plain text until STARTTLS, which is required.
        case starttls
        /// TLS from the first byte (`smtps://`, port 465).
        case tls
    }

    /// A name or an IP address (an IPv6 address without brackets).
    public var host: String
    public var port: Int
    public var security: Security
    /// Set together with `password`, or neither.
    public var username: String?
    /// Never printed: `description` leaves it out.
    public var password: String?
    /// The name said in EHLO (the sender's domain).
    public var clientName: String
    /// PEM files of extra trusted certificates; by default the file named by
    /// the SSL_CERT_FILE environment variable, when set.
    public var trustedCertificates: [String]

    /// Parses `smtp://host[:port]` (default port 587) and `smtps://host[:port]`
    /// (implicit TLS, default port 465). `tls` ("none" | "starttls" | "tls",
    /// nil = starttls for smtp://, tls for smtps://) overrides. Refuses:
    /// userinfo in the URL (credentials come from the environment only),
    /// `none` for a host that is not loopback (127.0.0.0/8, ::1, localhost),
    /// smtps:// with none/starttls, other schemes, a missing host.
    ///
    /// An empty username or password counts as not given; one without the
    /// other is refused. An IPv6 host is written in brackets
    /// (`smtp://[::1]:25`) and stored without them.
    public init(url: String, tls: String?, username: String?, password: String?,
                clientName: String) throws {
        // Checked first, so that no message below repeats a password.
        guard !url.contains("@") else {
            throw SMTPError.configuration(
                "The SMTP URL must not contain a username or password; give them through the environment.")
        }
        let text = url.trimmingCharacters(in: .whitespaces)
        guard let separator = text.range(of: "://") else {
            throw SMTPError.configuration("The SMTP URL “\(text)” must start with smtp:// or smtps://.")
        }
        let scheme = text[..<separator.lowerBound].lowercased()
        let defaultSecurity: Security
        let defaultPort: Int
        switch scheme {
        case "smtp": (defaultSecurity, defaultPort) = (.starttls, 587)
        case "smtps": (defaultSecurity, defaultPort) = (.tls, 465)
        default:
            throw SMTPError.configuration(
                "The SMTP URL “\(text)” has the scheme “\(scheme)”; it must be smtp:// or smtps://.")
        }
        var authority = text[separator.upperBound...]
        if authority.hasSuffix("/") { authority = authority.dropLast() }
        guard !authority.contains(where: { "/?#".contains($0) }) else {
            throw SMTPError.configuration("The SMTP URL “\(text)” must be only a host and a port, with no path.")
        }
        let (host, portText) = try Self.split(authority: authority, url: text)
        var port = defaultPort
        if let portText {
            guard portText.utf8.allSatisfy({ (48...57).contains($0) }), let number = Int(portText), (1...65535).contains(number) else {
                throw SMTPError.configuration("The SMTP URL “\(text)” has the port “\(portText)”, which is not 1 to 65535.")
            }
            port = number
        }

        var security = defaultSecurity
        if let tls {
            guard let chosen = Security(rawValue: tls.lowercased()) else {
                throw SMTPError.configuration("The TLS setting “\(tls)” must be none, starttls or tls.")
            }
            security = chosen
        }
        if scheme == "smtps" && security != .tls {
            throw SMTPError.configuration(
                "An smtps:// URL means TLS from the start; it cannot be used with the TLS setting “\(security.rawValue)”.")
        }
        if security == .none && !SMTPHostName.isLoopback(host) {
            throw SMTPError.configuration(
                "Mail can be sent without TLS only to this machine (localhost), not to \(host).")
        }

        let user = username.flatMap { $0.isEmpty ? nil : $0 }
        let secret = password.flatMap { $0.isEmpty ? nil : $0 }
        if (user == nil) != (secret == nil) {
            throw SMTPError.configuration(user == nil
                ? "An SMTP password was given without a username."
                : "An SMTP username was given without a password.")
        }
        for value in [user, secret].compactMap({ $0 }) where value.contains("\0") {
            throw SMTPError.configuration("The SMTP username and password cannot contain a NUL character.")
        }
        guard Self.isValidClientName(clientName) else {
            throw SMTPError.configuration(
                "The name “\(clientName)” cannot be given in EHLO; it must be a domain name or an address in brackets.")
        }

        self.host = host
        self.port = port
        self.security = security
        self.username = user
        self.password = secret
        self.clientName = clientName
        self.trustedCertificates = ProcessInfo.processInfo.environment["SSL_CERT_FILE"]
            .flatMap { $0.isEmpty ? nil : [$0] } ?? []
    }

    /// `smtp://mail.example.org:587 (starttls, user news)`: for messages
    /// and logs, without the password.
    public var description: String {
        let scheme = security == .tls ? "smtps" : "smtp"
        let address = host.contains(":") ? "[\(host)]" : host
        return "\(scheme)://\(address):\(port) (\(security.rawValue)" + (username.map { ", user \($0)" } ?? "") + ")"
    }

    /// The same as `description`, so that no printing shows the password.
    public var debugDescription: String { description }

    /// True when the host is this machine: 127.0.0.0/8, ::1 or localhost.
    public var isLoopback: Bool { SMTPHostName.isLoopback(host) }

    /// True when both a username and a password are set.
    var hasCredentials: Bool { username != nil && password != nil }

    /// The host and the port text, if any, of `host[:port]` or `[v6]:port`.
    private static func split(authority: Substring, url: String) throws -> (String, Substring?) {
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else {
                throw SMTPError.configuration("The SMTP URL “\(url)” has a “[” with no “]”.")
            }
            let host = String(authority[authority.index(after: authority.startIndex)..<close])
            let rest = authority[authority.index(after: close)...]
            guard SMTPHostName.isIPAddress(host), host.contains(":") else {
                throw SMTPError.configuration("The SMTP URL “\(url)” has “[\(host)]”, which is not an IPv6 address.")
            }
            if rest.isEmpty { return (host, nil) }
            guard rest.hasPrefix(":") else {
                throw SMTPError.configuration("The SMTP URL “\(url)” has text after its host that is not a port.")
            }
            return (host, rest.dropFirst())
        }
        let parts = authority.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count <= 2 else {
            throw SMTPError.configuration("The SMTP URL “\(url)” must write an IPv6 host in brackets, as in smtp://[::1]:25.")
        }
        guard !parts[0].isEmpty else {
            throw SMTPError.configuration("The SMTP URL “\(url)” has no host.")
        }
        guard SMTPHostName.isPlainName(parts[0]) else {
            throw SMTPError.configuration(
                "The SMTP URL “\(url)” has the host “\(parts[0])”; write a host name in ASCII (an IDN in its xn-- form).")
        }
        return (String(parts[0]), parts.count == 2 ? parts[1] : nil)
    }

    /// A domain (letters, digits, `-`, `.`, `_`) or an address literal in
    /// brackets, as RFC 5321 4.1.1.1 allows after EHLO.
    private static func isValidClientName(_ name: String) -> Bool {
        if name.hasPrefix("[") && name.hasSuffix("]") && name.count > 2 {
            return name.dropFirst().dropLast().utf8.allSatisfy { (0x21...0x7E).contains($0) && $0 != UInt8(ascii: "[") && $0 != UInt8(ascii: "]") }
        }
        return SMTPHostName.isPlainName(Substring(name))
    }
}
