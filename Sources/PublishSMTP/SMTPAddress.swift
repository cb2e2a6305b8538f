/// Which addresses may be put in MAIL FROM:<…> and RCPT TO:<…>.
enum SMTPAddress {
    /// False for an address with a control character (a CR or LF would end
    /// the command early) or with `<` or `>` (which would end the path).
    static func isSendable(_ address: String) -> Bool {
        address.utf8.allSatisfy { $0 >= 0x20 && $0 != 0x7F && $0 != UInt8(ascii: "<") && $0 != UInt8(ascii: ">") }
    }
}
