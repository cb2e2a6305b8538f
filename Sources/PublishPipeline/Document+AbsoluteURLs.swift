import PublishAST

extension Document {
    /// A copy whose link destinations and image sources are absolute,
    /// resolved against `resolver`'s base: a feed or a message is read away
    /// from the site, where a relative URL leads nowhere. Raw HTML is text
    /// to the tree and is left as written.
    public func resolvingURLs(with resolver: URLResolver) -> Document {
        var copy = self
        for case .enter(let node) in events() {
            switch kind(of: node) {
            case .inline(.link(let destination, let title)):
                copy.setKind(.inline(.link(destination: resolver.resolve(destination), title: title)), of: node)
            case .inline(.image(let source, let title)):
                copy.setKind(.inline(.image(source: resolver.resolve(source), title: title)), of: node)
            default:
                break
            }
        }
        return copy
    }
}
