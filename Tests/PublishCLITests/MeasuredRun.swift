import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension Publish {
    /// What one run of `publish` cost: its wall time and the most memory
    /// it held (the kernel's `ru_maxrss`, for that process alone).
    struct Cost {
        var status: Int32
        var seconds: Double
        var peakMegabytes: Double
    }

    /// Runs `publish` with its output discarded and measures it: spawned
    /// and waited for with `wait4`, which Foundation's `Process` does not
    /// expose, so the peak is this child's, not the test process's.
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
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) == -1 && errno == EINTR {}
        let seconds = Date().timeIntervalSince(start)
        // Exited normally: the exit code; killed: 128 + the signal, as a shell says.
        let code = status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Cost(status: code, seconds: seconds, peakMegabytes: Double(usage.ru_maxrss) / 1024)
    }
}
