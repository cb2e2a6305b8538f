import Foundation
import PublishAST

/// Standard output, written in one piece.
enum Output {
    static func write(_ bytes: [UInt8]) {
        FileHandle.standardOutput.write(Data(bytes))
    }
}

/// Diagnostics go to standard error, one per line, as compilers print them.
enum Diagnostics {
    static func report(_ diagnostic: Diagnostic) {
        FileHandle.standardError.write(Data("\(diagnostic)\n".utf8))
    }
}
