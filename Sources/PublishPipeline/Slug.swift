/// Jekyll's `slugify`, in the two modes its permalinks use. Letters, marks
/// and digits of every script are kept, so a Chinese title stays Chinese.
public enum Slug {
    public enum Mode: Sendable {
        /// Every run of characters that is not a letter, mark or digit
        /// becomes one `-`: `:slug`.
        case `default`
        /// As `default`, but also keeps `._~!$&'()+,;=@`: `:title`.
        case pretty
    }

    public static func make(_ text: String, mode: Mode = .default, cased: Bool = false) -> String {
        var slug = ""
        var pendingHyphen = false
        for scalar in text.unicodeScalars {
            if keeps(scalar, mode: mode) {
                if pendingHyphen && !slug.isEmpty { slug.append("-") }
                pendingHyphen = false
                slug.unicodeScalars.append(scalar)
            } else {
                pendingHyphen = true
            }
        }
        return cased ? slug : slug.lowercased()
    }

    private static func keeps(_ scalar: Unicode.Scalar, mode: Mode) -> Bool {
        let properties = scalar.properties
        if properties.isAlphabetic || properties.generalCategory == .decimalNumber { return true }
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .modifierLetter, .otherLetter:
            return true
        default:
            break
        }
        guard mode == .pretty else { return false }
        return "._~!$&'()+,;=@".unicodeScalars.contains(scalar)
    }
}
