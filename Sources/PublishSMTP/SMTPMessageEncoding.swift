import NIOCore

/// A message as the bytes sent after DATA (RFC 5321 4.5.2 and 2.3.8): every
/// line end made CRLF (a bare LF or CR becomes one), a "." doubled at the
/// start of a line, and a CRLF added when the message does not end with
/// one. One pass that copies runs of ordinary bytes, so a large message
/// costs one buffer and no allocation per line.
enum SMTPMessageEncoding {
    /// The encoded message, and whether it has any byte above 127 (so that
    /// MAIL can say BODY=8BITMIME).
    static func encode(_ message: [UInt8], allocator: ByteBufferAllocator) -> (bytes: ByteBuffer, isEightBit: Bool) {
        var buffer = allocator.buffer(capacity: message.count + message.count / 64 + 2)
        let cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n"), dot = UInt8(ascii: ".")
        var union: UInt8 = 0
        message.withUnsafeBufferPointer { source in
            let count = source.count
            var runStart = 0
            var index = 0
            var atLineStart = true
            func flush(upTo end: Int) {
                if end > runStart { buffer.writeBytes(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: source[runStart..<end]))) }
            }
            while index < count {
                let byte = source[index]
                union |= byte
                if byte == cr && index + 1 < count && source[index + 1] == lf {
                    index += 2
                    atLineStart = true
                } else if byte == cr || byte == lf {
                    flush(upTo: index)
                    buffer.writeInteger(UInt16(0x0D0A))
                    index += 1
                    runStart = index
                    atLineStart = true
                } else {
                    if atLineStart && byte == dot {
                        flush(upTo: index)
                        buffer.writeInteger(dot)
                        runStart = index
                    }
                    atLineStart = false
                    index += 1
                }
            }
            flush(upTo: count)
            if !atLineStart { buffer.writeInteger(UInt16(0x0D0A)) }
        }
        return (buffer, union & 0x80 != 0)
    }
}
