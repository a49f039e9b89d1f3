import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An output that could not be written (the command line exits 73).
public struct OutputError: Error, CustomStringConvertible, Sendable {
    public let path: String
    public let reason: String
    public let hint: String

    public init(path: String, reason: String, hint: String) {
        self.path = path
        self.reason = reason
        self.hint = hint
    }

    public var description: String { "\(path): error: cannot write: \(reason)\n    hint: \(hint)" }
}

/// The one way every output reaches the disk, whole or not at all: a temporary file beside the target, flushed to disk,
/// then renamed into place. Whatever fails, the temporary file is removed and a file already at the target is left as it was.
/// A report's text is written by ``write(_:to:)``; a workbook's temporary file is written by libxlsxwriter, then ``commit()``.
public struct AtomicFile: Sendable {
    /// Where the file goes.
    public let path: String
    /// The temporary file beside it: `.NAME.tmp-PID` and the suffix given.
    public let temporary: String

    /// Names the temporary file and makes the folder.
    public init(_ path: String, temporarySuffix: String = "") throws(OutputError) {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        self.path = path
        temporary = folder.appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())\(temporarySuffix)").path
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw AtomicFile.folderFailure(path, folder)
        }
    }

    /// Writes a whole text to `path`, or nothing.
    public static func write(_ text: String, to path: String) throws(OutputError) {
        try AtomicFile(path).write(Array(text.utf8))
    }

    /// Writes bytes to the temporary file, flushes it to disk and renames it into place.
    public func write(_ bytes: [UInt8]) throws(OutputError) {
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            let code = errno
            if code == ENOENT {
                let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
                throw OutputError(path: path, reason: "no file can be made in \(folder.path)", hint: AtomicFile.hint(for: EACCES))
            }
            throw AtomicFile.failure(path, code)
        }
        let written = AtomicFile.writeAll(fd, bytes)
        let code = written ? (fsync(fd) == 0 ? 0 : errno) : errno
        close(fd)
        guard code == 0 else {
            discard()
            throw AtomicFile.failure(path, code)
        }
        try rename()
    }

    /// Flushes a temporary file written by someone else (libxlsxwriter) to disk and renames it into place; on failure
    /// removes it.
    public func commit() throws(OutputError) {
        let fd = open(temporary, O_RDONLY | O_CLOEXEC)
        let code = fd < 0 ? errno : (fsync(fd) == 0 ? 0 : errno)
        if fd >= 0 { close(fd) }
        guard code == 0 else {
            discard()
            throw AtomicFile.failure(path, code)
        }
        try rename()
    }

    /// Removes the temporary file, if any.
    public func discard() { unlink(temporary) }

    private func rename() throws(OutputError) {
        guard Glibc.rename(temporary, path) == 0 else {
            let code = errno
            discard()
            throw AtomicFile.failure(path, code)
        }
    }

    /// Writes every byte, retrying short writes; false with `errno` set when the system refuses.
    private static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += n
        }
        return true
    }

    private static func failure(_ path: String, _ code: Int32) -> OutputError {
        OutputError(path: path, reason: String(cString: strerror(code)), hint: hint(for: code))
    }

    /// Why a folder could not be made: a file stands where a folder should, or the place is not writable.
    private static func folderFailure(_ path: String, _ folder: URL) -> OutputError {
        var ancestor = folder
        while !FileManager.default.fileExists(atPath: ancestor.path), ancestor.path != "/" {
            ancestor = ancestor.deletingLastPathComponent()
        }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: ancestor.path, isDirectory: &isFolder), !isFolder.boolValue {
            return OutputError(path: path, reason: "\(ancestor.path) is a file, not a folder", hint: hint(for: ENOTDIR))
        }
        return OutputError(path: path, reason: "cannot make the folder \(folder.path)", hint: hint(for: EACCES))
    }

    /// What a finance officer can do about it; an earlier file at the target is unchanged in every case.
    private static func hint(for code: Int32) -> String {
        switch code {
        case EACCES, EPERM, EROFS: return "choose a folder you may write to; any earlier report there is unchanged"
        case EFBIG, ENOSPC, EDQUOT: return "free some disk space (or raise the file size limit); any earlier report is unchanged"
        case ENOTDIR, EEXIST: return "write the report somewhere else, or move that file away"
        default: return "choose another path; any earlier report there is unchanged"
        }
    }
}
