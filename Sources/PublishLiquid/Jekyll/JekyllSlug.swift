/// Jekyll's `Utils.slugify`: runs of the characters a mode does not keep
/// become one `-`, a `-` at either end goes, and the slug is lower-cased
/// unless `cased`.
enum JekyllSlug {
    enum Mode: String {
        /// Text as it is (only lower-cased).
        case none
        /// Runs of blanks replaced.
        case raw
        /// Everything but letters, marks and digits replaced.
        case `default`
        /// As default, keeping `._~!$&'()+,;=@` too, which URLs and file
        /// systems show as they are.
        case pretty
        /// Everything but ASCII letters and digits replaced.
        case ascii
        /// Accented Latin letters made plain first, any other non-ASCII
        /// character `?`; then as default.
        case latin
    }

    static func slugify(_ text: String, mode: Mode, cased: Bool) -> String {
        if mode == .none { return cased ? text : text.lowercased() }
        var slug = String.UnicodeScalarView()
        var replacing = false
        for scalar in mode == .latin ? transliterated(text) : text.unicodeScalars {
            if keeps(scalar, mode) {
                slug.append(scalar)
                replacing = false
            } else if !replacing {
                slug.append("-")
                replacing = true
            }
        }
        if slug.first == "-" { slug.removeFirst() }
        if slug.last == "-" { slug.removeLast() }
        let result = String(slug)
        return cased ? result : result.lowercased()
    }

    private static func keeps(_ scalar: Unicode.Scalar, _ mode: Mode) -> Bool {
        switch mode {
        case .raw:
            return !(scalar.isASCII && StandardFilters.isBlank(UInt8(scalar.value)))
        case .ascii:
            return scalar.isASCII && (Lexer.isLetter(UInt8(scalar.value)) || Lexer.isDigit(UInt8(scalar.value)))
        case .pretty where scalar.isASCII && "._~!$&'()+,;=@".unicodeScalars.contains(scalar):
            return true
        default:
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                 .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber:
                return true
            default:
                return false
            }
        }
    }

    /// I18n's `transliterate`: each non-ASCII character by its plain
    /// approximation, or `?`.
    private static func transliterated(_ text: String) -> String.UnicodeScalarView {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                out.append(scalar)
            } else if let plain = approximations[scalar] {
                out.append(contentsOf: plain.unicodeScalars)
            } else {
                out.append("?")
            }
        }
        return out
    }

    /// I18n's default approximations: U+00C0 to U+017F in order (`?` where
    /// it has none), then a few beyond.
    private static let approximations: [Unicode.Scalar: String] = {
        let latin = """
            A A A A A A AE C E E E E I I I I D N O O O O O x O U U U U Y Th ss a a a a a a ae c e e e e i i i i \
            d n o o o o o ? o u u u u y th y A a A a A a C c C c C c C c D d D d E e E e E e E e E e G g G g G g \
            G g H h H h I i I i I i I i I i IJ ij J j K k k L l L l L l L l L l N n N n N n 'n NG ng O o O o O o \
            OE oe R r R r R r S s S s S s S s T t T t T t U u U u U u U u U u U u W w Y y Y Z z Z z Z z ?
            """
        var table: [Unicode.Scalar: String] = [:]
        for (offset, plain) in latin.split(separator: " ").enumerated() where plain != "?" {
            table[Unicode.Scalar(0xC0 + UInt32(offset))!] = String(plain)
        }
        let beyond: [(Unicode.Scalar, String)] = [("\u{1E9E}", "SS"), ("\u{1EA}", "O"), ("\u{1EB}", "o"),
                                                  ("\u{1EC}", "O"), ("\u{1ED}", "o")]
        for (scalar, plain) in beyond { table[scalar] = plain }
        return table
    }()
}
