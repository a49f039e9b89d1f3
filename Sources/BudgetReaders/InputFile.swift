import BudgetCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reading input files whole, within a size limit, with errors people can act on.
public enum InputFile {
    /// The largest input read: a roster of 10,000 participants is about 1 MB.
    public static let maximumBytes = 10_000_000

    /// The file's bytes: a missing or unreadable file is `.missing` (exit 66), one over the limit `.badData`.
    public static func bytes(_ path: String, limit: Int = maximumBytes) throws(InputError) -> [UInt8] {
        let (fd, status) = try openForReading(path)
        defer { close(fd) }
        // A regular file's size is known before reading; a pipe or device is read only up to the limit.
        if status.st_mode & S_IFMT == S_IFREG, Int(status.st_size) > limit {
            throw tooLarge(path, size: "is \(megabytes(Int(status.st_size)))", limit: limit)
        }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                throw readFailure(path, errno: errno)
            }
            bytes += chunk[0..<count]
            if bytes.count > limit { throw tooLarge(path, size: "has more than \(megabytes(limit))", limit: limit) }
        }
        return bytes
    }

    /// Opens a file to read (whole, or as a stream) and tells what it is; a missing or unreadable file or a folder is
    /// `.missing` (exit 66). The caller closes the descriptor.
    static func openForReading(_ path: String) throws(InputError) -> (fd: Int32, status: stat) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw openFailure(path, errno: errno) }
        var status = stat()
        guard fstat(fd, &status) == 0 else {
            let failure = readFailure(path, errno: errno)
            close(fd)
            throw failure
        }
        if status.st_mode & S_IFMT == S_IFDIR {
            close(fd)
            throw .missing(path: path, reason: "this is a folder, not a file", hint: "give the path of a file inside it")
        }
        return (fd, status)
    }

    /// The file's text, which must be UTF-8 (the tables).
    public static func read(_ path: String) throws(InputError) -> String {
        try text(try bytes(path), file: path)
    }

    /// Bytes read from a table file as its UTF-8 text; `file` names it in messages.
    public static func text(_ bytes: [UInt8], file: String) throws(InputError) -> String {
        try InputText.utf8(bytes, file: file)
    }

    private static func openFailure(_ path: String, errno code: Int32) -> InputError {
        switch code {
        case ENOENT, ENOTDIR:
            return .missing(path: path, reason: "no such file",
                            hint: "check the path; a relative path starts from \(FileManager.default.currentDirectoryPath)")
        case EACCES, EPERM:
            return .missing(path: path, reason: "you may not read this file (permission denied)",
                            hint: "check its permissions (ls -l), or ask its owner for a copy")
        default:
            return readFailure(path, errno: code)
        }
    }

    private static func readFailure(_ path: String, errno code: Int32) -> InputError {
        .missing(path: path, reason: "cannot read the file: \(String(cString: strerror(code)))",
                 hint: "check that it is an ordinary file you can open (ls -l)")
    }

    /// Refuses bytes already in memory (an upload) over the limit a file read whole has, with the same message.
    public static func refuseOverLimit(_ count: Int, name: String, limit: Int = maximumBytes) throws(InputError) {
        if count > limit { throw tooLarge(name, size: "has more than \(megabytes(limit))", limit: limit) }
    }

    private static func tooLarge(_ path: String, size: String, limit: Int) -> InputError {
        .badData([Diagnostic(SourceLocation(file: path, line: 0, column: 0),
                             "the file \(size); a roster or table file is at most \(megabytes(limit))",
                             hint: "is this the right file? A roster of 10,000 participants is about 1 MB; a larger roster is costed "
                                 + "straight into its workbook with `cost --xlsx FILE` (read as a stream, without this limit)")])
    }

    /// `104.9 MB`: a size as people read it (1 MB = 1,000,000 bytes).
    static func megabytes(_ bytes: Int) -> String {
        let tenths = (bytes + 50_000) / 100_000
        return tenths % 10 == 0 ? "\(tenths / 10) MB" : "\(tenths / 10).\(tenths % 10) MB"
    }
}
