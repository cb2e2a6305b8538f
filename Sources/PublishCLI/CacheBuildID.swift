import Foundation

/// The GNU build id of an ELF executable: the note (`NT_GNU_BUILD_ID`)
/// where the linker records a hash of the file it wrote. Read from the
/// program headers, so finding it costs a few small reads however large
/// the executable.
enum ELFBuildID {
    /// The id in hex, or nil for a file that is not a 64-bit little-endian
    /// ELF file or has no such note.
    static func read(_ file: URL) -> String? {
        guard let handle = FileHandle(forReadingAtPath: file.path) else { return nil }
        defer { try? handle.close() }
        func bytes(at offset: Int, count: Int) -> [UInt8]? {
            guard offset >= 0, count >= 0, (try? handle.seek(toOffset: UInt64(offset))) != nil,
                  let data = try? handle.read(upToCount: count), data.count == count else { return nil }
            return Array(data)
        }
        func number(_ bytes: [UInt8], _ offset: Int, _ size: Int) -> Int {
            (0..<size).reduce(0) { $0 | Int(bytes[offset + $1]) << ($1 * 8) }
        }
        guard let header = bytes(at: 0, count: 64), header[0..<4] == [0x7F, 0x45, 0x4C, 0x46],
              header[4] == 2, header[5] == 1 else { return nil }
        let tableOffset = number(header, 0x20, 8), entrySize = number(header, 0x36, 2), count = number(header, 0x38, 2)
        guard entrySize >= 56, count <= 256 else { return nil }
        for index in 0..<count {
            guard let entry = bytes(at: tableOffset + index * entrySize, count: 56) else { return nil }
            // PT_NOTE; its notes are small, so a segment of more than 64 KiB is not one to read.
            let offset = number(entry, 8, 8), size = number(entry, 32, 8)
            guard number(entry, 0, 4) == 4, size <= 1 << 16, let notes = bytes(at: offset, count: size) else { continue }
            var position = 0
            while position + 12 <= notes.count {
                let nameSize = number(notes, position, 4), descriptionSize = number(notes, position + 4, 4)
                let type = number(notes, position + 8, 4)
                let name = position + 12, description = name + (nameSize + 3) / 4 * 4
                guard description + descriptionSize <= notes.count else { break }
                if type == 3, nameSize == 4, notes[name..<name + 4] == [0x47, 0x4E, 0x55, 0], descriptionSize > 0 {
                    return notes[description..<description + descriptionSize].map { String(format: "%02x", $0) }.joined()
                }
                position = description + (descriptionSize + 3) / 4 * 4
            }
        }
        return nil
    }
}
