import NIOCore

/// What the client needs to know about a server's host: whether it is an
/// IP address (TLS then checks the certificate against the address instead
/// of sending a name in SNI) and whether it is this machine (the only place
/// mail may go without TLS).
enum SMTPHostName {
    /// The 16 bytes of an IPv6 address or the 4 of an IPv4 address, or nil
    /// for a name.
    static func addressBytes(_ host: String) -> [UInt8]? {
        guard let address = try? SocketAddress(ipAddress: host, port: 0) else { return nil }
        switch address {
        case .v4(let v4): return withUnsafeBytes(of: v4.address.sin_addr) { Array($0) }
        case .v6(let v6): return withUnsafeBytes(of: v6.address.sin6_addr) { Array($0) }
        case .unixDomainSocket: return nil
        }
    }

    /// True for an IPv4 or IPv6 address literal (without brackets).
    static func isIPAddress(_ host: String) -> Bool {
        addressBytes(host) != nil
    }

    /// True for 127.0.0.0/8, ::1 (in any spelling, and ::ffff:127.x.x.x) and
    /// `localhost`.
    static func isLoopback(_ host: String) -> Bool {
        let name = host.lowercased()
        if name == "localhost" || name == "localhost." { return true }
        guard let bytes = addressBytes(host) else { return false }
        if bytes.count == 4 { return bytes[0] == 127 }
        if bytes.prefix(15).allSatisfy({ $0 == 0 }) && bytes[15] == 1 { return true }
        let mapped = bytes.prefix(10).allSatisfy { $0 == 0 } && bytes[10] == 0xFF && bytes[11] == 0xFF
        return mapped && bytes[12] == 127
    }

    /// True when `host` may be put in a URL without brackets: letters,
    /// digits, `-`, `.` and `_` (a DNS name or a dotted IPv4 address).
    static func isPlainName(_ host: Substring) -> Bool {
        !host.isEmpty && host.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"):
                true
            default:
                false
            }
        }
    }
}
