import OutputFiles

/// Writes whole report files or nothing, through the one atomic writer (``OutputFiles/AtomicFile``: a temporary file
/// beside the target, flushed to disk, renamed into place); a failure is printed and exits 73.
enum OutputFile {
    static func write(_ text: String, to path: String) throws {
        try Console.guarded { try AtomicFile.write(text, to: path) }
    }
}
