/// How wide a character is on a terminal or in a monospaced email: East
/// Asian wide and fullwidth characters take two columns (UAX #11), combining
/// marks none. Used to wrap and align plain text, and to tell where Chinese
/// or Japanese text runs on without spaces.
extension Unicode.Scalar {
    /// True for East Asian Wide (W) and Fullwidth (F) characters: CJK
    /// ideographs, kana, Hangul, fullwidth forms and CJK punctuation.
    public var isEastAsianWide: Bool {
        let v = value
        switch v {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF,
             0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3,
             0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// Columns taken in monospaced text: 0, 1 or 2.
    public var displayWidth: Int {
        switch value {
        case 0x0300...0x036F, 0x200B...0x200F, 0xFE00...0xFE0F, 0x20D0...0x20FF:
            return 0
        default:
            return isEastAsianWide ? 2 : 1
        }
    }
}

extension StringProtocol {
    /// Columns the text takes in monospaced output.
    public var displayWidth: Int {
        unicodeScalars.reduce(0) { $0 + $1.displayWidth }
    }
}
