import Foundation

extension OutputFolder {
    /// Where a build stages its output and keeps the one it replaced.
    ///
    /// Inside the cache folder when the build has one that can be written
    /// and that is on the output's file system: the swap and the recycling
    /// are renames, and unchanged files are hard links to the output's,
    /// neither of which crosses file systems. Otherwise (`--no-cache`, an
    /// `--output` on another disk, a cache folder that cannot be written)
    /// beside the output, as hidden folders.
    struct Places {
        let staging: URL
        let previous: URL
        /// Where a build before the cache held them kept them: beside the
        /// output. Nil when that is where they are now.
        let formerStaging: URL?
        let formerPrevious: URL?

        init(destination: URL, cacheFolder: URL?) {
            let parent = destination.deletingLastPathComponent()
            let name = destination.lastPathComponent
            let besideStaging = parent.appendingPathComponent(".\(name).staging")
            let besidePrevious = parent.appendingPathComponent(".\(name).previous")
            if let cacheFolder, Places.canHold(cacheFolder, sameFileSystemAs: parent) {
                staging = cacheFolder.appendingPathComponent("\(name).staging")
                previous = cacheFolder.appendingPathComponent("\(name).previous")
                formerStaging = besideStaging
                formerPrevious = besidePrevious
            } else {
                staging = besideStaging
                previous = besidePrevious
                formerStaging = nil
                formerPrevious = nil
            }
        }

        /// Whether `folder` can be made (or is) a writable folder on the
        /// file system that holds `parent`, which is made if missing.
        static func canHold(_ folder: URL, sameFileSystemAs parent: URL) -> Bool {
            guard (try? FileTree.makeFolder(parent.path)) != nil, (try? FileTree.makeFolder(folder.path)) != nil,
                  FileTree.isFolder(folder.path), access(folder.path, W_OK) == 0 else { return false }
            var here = stat(), there = stat()
            guard stat(folder.path, &here) == 0, stat(parent.path, &there) == 0 else { return false }
            return here.st_dev == there.st_dev
        }

        /// Moves a former output kept beside the output (`._site.previous`)
        /// into the cache folder to be recycled there, once, unless one is
        /// there already, and removes what is left beside: a site that
        /// upgrades is left with nothing to ignore but the cache folder.
        func migrate() {
            guard let formerPrevious, let formerStaging else { return }
            try? FileTree.remove(formerStaging.path)
            guard FileTree.isFolder(formerPrevious.path) || FileManager.default.fileExists(atPath: formerPrevious.path)
            else { return }
            if !FileManager.default.fileExists(atPath: previous.path), FileTree.isFolder(formerPrevious.path),
               rename(formerPrevious.path, previous.path) == 0 { return }
            try? FileTree.remove(formerPrevious.path)
        }
    }
}
