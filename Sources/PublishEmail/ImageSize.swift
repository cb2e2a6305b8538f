import Foundation

/// The pixel size of a PNG, GIF or JPEG from its header, so the message
/// can give `width` and `height`: Outlook shows an image without them at
/// its natural size, and other clients reflow the text when it loads.
enum ImageSize {
    /// The widest an image is shown: the 600px column less its padding.
    static let columnWidth = 536

    static func of(_ bytes: [UInt8]) -> (width: Int, height: Int)? {
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]), bytes.count >= 24 {
            return (bigEndian(bytes, 16, 4), bigEndian(bytes, 20, 4))
        }
        if bytes.starts(with: Array("GIF8".utf8)), bytes.count >= 10 {
            return (Int(bytes[6]) | Int(bytes[7]) << 8, Int(bytes[8]) | Int(bytes[9]) << 8)
        }
        if bytes.starts(with: [0xFF, 0xD8]) { return jpeg(bytes) }
        return nil
    }

    /// The size shown: the image's own, scaled down to fit the column.
    static func shown(_ size: (width: Int, height: Int)) -> (width: Int, height: Int)? {
        guard size.width > 0, size.height > 0 else { return nil }
        guard size.width > columnWidth else { return size }
        return (columnWidth, max(1, size.height * columnWidth / size.width))
    }

    /// Walks the JPEG's segments to its frame header (SOF0 to SOF15, less
    /// the DHT, JPG and DAC markers that share the range).
    private static func jpeg(_ bytes: [UInt8]) -> (width: Int, height: Int)? {
        var index = 2
        while index + 9 < bytes.count {
            guard bytes[index] == 0xFF else { return nil }
            let marker = bytes[index + 1]
            if marker == 0xFF {
                index += 1
                continue
            }
            let length = bigEndian(bytes, index + 2, 2)
            if (0xC0...0xCF).contains(marker), ![0xC4, 0xC8, 0xCC].contains(marker) {
                return (bigEndian(bytes, index + 7, 2), bigEndian(bytes, index + 5, 2))
            }
            guard length >= 2 else { return nil }
            index += 2 + length
        }
        return nil
    }

    private static func bigEndian(_ bytes: [UInt8], _ start: Int, _ count: Int) -> Int {
        bytes[start..<(start + count)].reduce(0) { $0 << 8 | Int($1) }
    }
}
