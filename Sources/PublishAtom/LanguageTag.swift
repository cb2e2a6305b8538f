import Foundation

/// A language as `xml:lang` takes it (BCP 47, the pattern of the Atom
/// schema): `zh_CN`, as some Jekyll sites write it, becomes `zh-CN`; what
/// cannot be a tag at all gives nil, and the attribute is left out.
enum LanguageTag {
    static func normalized(_ text: String) -> String? {
        let tag = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "_", with: "-")
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        let valid = !tag.isEmpty && parts.enumerated().allSatisfy { index, part in
            (1...8).contains(part.count) && part.allSatisfy { $0.isASCII && ($0.isLetter || (index > 0 && $0.isNumber)) }
        }
        return valid ? tag : nil
    }
}
