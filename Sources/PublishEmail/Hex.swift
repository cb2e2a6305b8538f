/// Hexadecimal digits: upper case as quoted-printable writes them, lower
/// case for identifiers.
enum Hex {
    /// Upper-case digits by value.
    static let digits = Array("0123456789ABCDEF".utf8)

    static func byte(_ byte: UInt8) -> String {
        String(decoding: [digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]], as: UTF8.self)
    }

    static func lowercase(_ bytes: some Sequence<UInt8>) -> String {
        bytes.map { byte($0) }.joined().lowercased()
    }
}
