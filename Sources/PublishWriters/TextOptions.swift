/// How the plain-text writer lays out text.
public struct TextOptions: Hashable, Sendable {
    /// Wrap prose at this many columns (East Asian characters count two);
    /// 0 leaves each paragraph on one line. Code is never wrapped.
    public var columns: Int

    public init(columns: Int = 72) {
        self.columns = columns
    }
}
