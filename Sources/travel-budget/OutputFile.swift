import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An output that could not be written (exit 73).
struct OutputError: Error, CustomStringConvertible {
    let path: String
    let reason: String
    let hint: String
    var description: String { "\(path): error: cannot write: \(reason)\n    hint: \(hint)" }
}

/// Writes whole files or nothing: a temporary file beside the target, flushed to disk, then renamed into place.
/// Whatever fails, the temporary file is removed and an existing file at the target is left as it was.
enum OutputFile {
    static func write(_ text: String, to path: String) throws {
        try Console.guarded {
            let url = URL(fileURLWithPath: path)
            let folder = url.deletingLastPathComponent()
            let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())").path
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            } catch {
                throw folderFailure(path, folder)
            }
            let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard fd >= 0 else {
                let code = errno
                if code == ENOENT {
                    throw OutputError(path: path, reason: "no file can be made in \(folder.path)", hint: hint(for: EACCES))
                }
                throw failure(path, code)
            }
            let written = writeAll(fd, Array(text.utf8))
            let code = written ? (fsync(fd) == 0 ? 0 : errno) : errno
            close(fd)
            guard code == 0, rename(temporary, path) == 0 else {
                let reason = code == 0 ? errno : code
                unlink(temporary)
                throw failure(path, reason)
            }
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
