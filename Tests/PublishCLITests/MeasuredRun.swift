import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension Publish {
    /// What one run of `publish` cost: its wall time and the most memory
    /// it held, read as `VmHWM` of its own address space while it runs.
    /// (`ru_maxrss` would not do: a spawned child starts in the test
    /// runner's address space, whose size it then reports.)
    struct Cost {
        var status: Int32
        var seconds: Double
        var peakMegabytes: Double
    }

    /// Runs `publish` with its output discarded and measures it, reading
    /// its peak every 2 ms until it ends.
    static func measure(_ arguments: [String]) throws -> Cost {
        let argv = ([executable.path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var pid: pid_t = 0
        let start = Date()
        let spawned = posix_spawn(&pid, executable.path, &actions, nil, argv, environ)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EIO) }
        var status: Int32 = 0
        var peakKilobytes = 0
        while true {
            // The high-water mark of the program's own address space, once it has one.
            if let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
               let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
               let kilobytes = Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") {
                peakKilobytes = max(peakKilobytes, kilobytes)
            }
            let done = waitpid(pid, &status, WNOHANG)
            if done == pid || (done == -1 && errno != EINTR) { break }
            usleep(2_000)
        }
        let seconds = Date().timeIntervalSince(start)
        // Exited normally: the exit code; killed: 128 + the signal, as a shell says.
        let code = status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Cost(status: code, seconds: seconds, peakMegabytes: Double(peakKilobytes) / 1024)
    }
}
