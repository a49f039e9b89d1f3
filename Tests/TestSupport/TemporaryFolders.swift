import Foundation
import Testing

/// The temporary folders a test (or the whole run) made, removed with everything in them when it ends.
public final class TemporaryFolders: @unchecked Sendable {
    private let lock = NSLock()
    private var folders: [URL] = []

    /// The folders of the test running on this task, when its suite is marked `.cleansUpTemporaryFolders`.
    @TaskLocal public static var current: TemporaryFolders?

    /// The folders of tests outside such a suite: removed when the test process exits.
    static let run: TemporaryFolders = {
        let folders = TemporaryFolders()
        atexit { TemporaryFolders.run.removeAll() }
        return folders
    }()

    func add(_ url: URL) {
        lock.lock()
        folders.append(url)
        lock.unlock()
    }

    /// Removes every folder made so far.
    func removeAll() {
        lock.lock()
        let made = folders
        folders.removeAll()
        lock.unlock()
        for url in made {
            // A test may have made a folder read-only (the permission tests): open it again first.
            try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
            if let inside = FileManager.default.enumerator(atPath: url.path) {
                while let path = inside.nextObject() as? String {
                    try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.appendingPathComponent(path).path)
                }
            }
            try? FileManager.default.removeItem(at: url)
        }
    }
}

/// Removes the temporary folders each test of a suite made when the test ends, whether it passed or failed.
public struct CleansUpTemporaryFolders: SuiteTrait, TestTrait, TestScoping {
    public var isRecursive: Bool { true }

    public func provideScope(for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void) async throws {
        // A suite's own scope holds nothing; each test (or test case) gets folders of its own.
        guard testCase != nil || !test.isSuite else { return try await function() }
        let folders = TemporaryFolders()
        defer { folders.removeAll() }
        try await TemporaryFolders.$current.withValue(folders) { try await function() }
    }
}

extension Trait where Self == CleansUpTemporaryFolders {
    /// Each test's temporary folders are removed when it ends, pass or fail.
    public static var cleansUpTemporaryFolders: Self { CleansUpTemporaryFolders() }
}
