import PublishAST

extension String {
    /// Whether `needle` occurs in the string, byte for byte over the UTF-8:
    /// a quick test before a Foundation search or split, which costs far
    /// more on a long message than finding nothing should.
    func containsBytes(_ needle: StaticString) -> Bool {
        var text = self
        return text.withUTF8 { ByteSearch.contains(needle, in: $0) }
    }
}
