/// A planning region named as an officer types it: its name in any case and spacing, or an unambiguous short form of it
/// (`Pacific` for `Pacific Islands`, `East Asia` for `Eastern Asia`, `Southeast Asia` for `South-Eastern Asia`).
public enum RegionName {
    /// The region of `regions` that `text` names: the one whose name it is (case, spaces and punctuation aside), else the
    /// only one whose words it begins, each typed word the start of the region's word (`Pacific`, `South East Asia`) or
    /// running on into the next (`Southeast`); nil when none, or several (`South`), or the text is shorter than 4 letters.
    public static func region(named text: String, among regions: [String]) -> String? {
        let key = CountryDirectory.key(text)
        if let exact = regions.first(where: { CountryDirectory.key($0) == key }) { return exact }
        let typed = words(text)
        guard typed.joined().count >= 4 else { return nil }
        let matching = Set(regions.filter { begins(typed[...], words($0)[...]) })
        return matching.count == 1 ? matching.first : nil
    }

    /// A name's lowercase words: its runs of letters and digits.
    static func words(_ text: String) -> [String] {
        text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
    }

    /// Whether typed words begin a name's words: each typed word is the start of the next word of the name, or holds it
    /// whole and runs on into the one after.
    private static func begins(_ typed: ArraySlice<String>, _ name: ArraySlice<String>) -> Bool {
        guard let word = typed.first else { return true }
        guard let next = name.first else { return false }
        if next.hasPrefix(word) { return begins(typed.dropFirst(), name.dropFirst()) }
        if word.hasPrefix(next) { return begins([String(word.dropFirst(next.count))] + typed.dropFirst(), name.dropFirst()) }
        return false
    }
}
