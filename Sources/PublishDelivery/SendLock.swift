import Foundation

/// One `publish send` at a time per subscriber list: two runs side by side
/// would take the same pending rows. An advisory lock (`flock`) on a file
/// beside the database, let go when the process ends however it ends, so
/// a killed run never leaves the list locked.
public final class SendLock {
    private let descriptor: Int32

    /// - Throws: `SendError.busy` when another process holds the lock.
    public init(databasePath: String) throws {
        let path = databasePath + ".send-lock"
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw SendError.busy("cannot open \(path): \(String(cString: strerror(errno)))")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw SendError.busy("another `publish send` is running on \(databasePath); "
                                 + "wait for it, or stop it and run this again to go on where it stopped")
        }
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
