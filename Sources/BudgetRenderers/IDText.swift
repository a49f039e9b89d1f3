/// Participants' ids written as ids wherever a list of them stands alone in prose: `participant 8`, `participants 8, 9 and
/// 12` (a bare `8` reads as a count). JSON keeps arrays of ids.
enum IDText {
    /// `participant P23-13`, `participants P23-16, P23-17 and P23-18`; `more` ids not listed end it as `and 97 more`.
    static func list(_ ids: [String], more: Int = 0) -> String {
        guard !ids.isEmpty else { return more == 1 ? "1 participant" : "\(more) participants" }
        let noun = ids.count + more == 1 ? "participant" : "participants"
        if more > 0 { return "\(noun) \(ids.joined(separator: ", ")) and \(more) more" }
        guard ids.count > 1 else { return "\(noun) \(ids[0])" }
        return "\(noun) \(ids.dropLast().joined(separator: ", ")) and \(ids[ids.count - 1])"
    }
}
