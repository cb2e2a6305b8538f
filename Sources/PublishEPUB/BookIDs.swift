/// Element ids as XHTML in EPUB wants them: XML names without colons
/// (`2019-review` is not one, `id-2019-review` is). Links use the same
/// mapping, so a link to a heading still finds it.
enum BookIDs {
    static func make(_ raw: String) -> String {
        if isName(raw) { return raw }
        var out = "id-"
        for scalar in raw.unicodeScalars {
            out.unicodeScalars.append(isNameCharacter(scalar) ? scalar : "-")
        }
        return out
    }

    static func isName(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, isNameStart(first) else { return false }
        return text.unicodeScalars.allSatisfy(isNameCharacter)
    }

    private static func isNameStart(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A, 0x5F, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x2FF, 0x370...0x37D,
             0x37F...0x1FFF, 0x200C...0x200D, 0x2070...0x218F, 0x2C00...0x2FEF, 0x3001...0xD7FF,
             0xF900...0xFDCF, 0xFDF0...0xFFFD, 0x10000...0xEFFFF:
            return true
        default:
            return false
        }
    }

    private static func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2D, 0x2E, 0x30...0x39, 0xB7, 0x300...0x36F, 0x203F...0x2040: return true
        default: return isNameStart(scalar)
        }
    }
}
