import Foundation

/// BCP 47 language tags as outputs need them: `lang`, `xml:lang` and
/// `dc:language` refuse anything else. `zh_CN`, as some Jekyll sites write
/// it, is read as `zh-CN`; `Chinese` is no tag at all.
public enum LanguageTag {
    /// `text` as a well-formed tag (subtags of 1 to 8 letters or digits, the
    /// first letters only), with `_` read as `-`; nil when it cannot be one.
    public static func normalized(_ text: String) -> String? {
        let tag = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "_", with: "-")
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        let valid = !tag.isEmpty && parts.enumerated().allSatisfy { index, part in
            (1...8).contains(part.count) && part.allSatisfy { $0.isASCII && ($0.isLetter || (index > 0 && $0.isNumber)) }
        }
        return valid ? tag : nil
    }

    /// Which of the translated words a tag reads: `zh-Hant` (traditional
    /// characters, by script or by region: `zh-TW`, `zh-HK`, `zh-MO`),
    /// `zh-Hans`, `ja`, `ko`, or `en` for every other language.
    public static func wordsLanguage(_ tag: String) -> String {
        let subtags = tag.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).map(String.init)
        switch subtags.first ?? "" {
        case "zh" where subtags.contains("hant") || (!subtags.contains("hans")
                                                     && subtags.contains { ["tw", "hk", "mo"].contains($0) }):
            return "zh-Hant"
        case "zh": return "zh-Hans"
        case "ja", "ko": return subtags[0]
        default: return "en"
        }
    }
}
