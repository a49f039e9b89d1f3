/// A count with its noun as people write it: "1 night", "2 nights", "0 nights" (the plural adds `s` unless given).
public func counted(_ n: Int, _ singular: String, plural: String? = nil) -> String {
    "\(n) \(n == 1 ? singular : plural ?? singular + "s")"
}
