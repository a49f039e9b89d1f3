import Foundation

extension Planner {
    /// The folders of the tables that hold rosters to pick from: `rosters` (what `report` costs) and `samples`.
    public static let rosterFolders = ["rosters", "samples"]

    /// The rosters shipped with the tables, as paths under the tables folder (`Tables/rosters/jeju-2023.csv`), sorted: every
    /// `.csv`, `.xlsx`, `.xlsm` and `.ods` file in ``rosterFolders``. A front end offers these names and reads only a name on
    /// this list, so no path it is sent reaches the file system.
    public func rosterFiles() -> [String] {
        Planner.rosterFolders.flatMap { folder in
            files(in: (tables.directory as NSString).appendingPathComponent(folder), extensions: ["csv", "xlsx", "xlsm", "ods"])
        }
    }

    /// The scenarios shipped with the tables: every `.toml` file in `<tables>/scenarios`, as paths, sorted.
    public func scenarioFiles() -> [String] {
        files(in: (tables.directory as NSString).appendingPathComponent("scenarios"), extensions: ["toml"])
    }

    /// The regular files of a folder with one of the extensions, as paths, sorted; none when the folder is not there.
    private func files(in folder: String, extensions: Set<String>) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { name in
            !name.hasPrefix(".") && extensions.contains((name as NSString).pathExtension.lowercased())
        }.sorted().map { (folder as NSString).appendingPathComponent($0) }.filter { path in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && !isFolder.boolValue
        }
    }
}
