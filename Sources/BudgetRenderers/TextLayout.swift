/// Small helpers for fixed-width text: padding by characters and wrapping at a width.
enum TextLayout {
    /// The report's width in characters.
    static let width = 100

    static func left(_ s: String, _ n: Int) -> String {
        s.count >= n ? String(s.prefix(n)) : s + String(repeating: " ", count: n - s.count)
    }

    static func right(_ s: String, _ n: Int) -> String {
        s.count >= n ? s : String(repeating: " ", count: n - s.count) + s
    }

    /// `s` cut to `n` characters, with an ellipsis where it was cut.
    static func clip(_ s: String, _ n: Int) -> String {
        s.count <= n ? s : String(s.prefix(n - 1)) + "…"
    }

    /// A table row of a participant: id and departure left-aligned, figures right-aligned, then flags; a long id gets a line
    /// of its own rather than being cut.
    static func participantRow(id: String, idWidth: Int, departure: String, departureWidth: Int, _ cells: [String], widths: [Int],
                               flags: String) -> [String] {
        var lines: [String] = []
        var idCell = id
        if id.count > idWidth {
            lines.append(id)
            idCell = ""
        }
        var line = left(idCell, idWidth) + " " + left(clip(departure, departureWidth), departureWidth)
        for (cell, width) in zip(cells, widths) { line += " " + right(cell, width) }
        line += "  " + flags
        while line.hasSuffix(" ") { line.removeLast() }
        return lines + [line]
    }

    /// Wraps words to lines of at most `width` characters; later lines get `indent`.
    static func wrap(_ text: String, first: String = "", indent: String = "", width: Int = TextLayout.width) -> [String] {
        var lines: [String] = []
        var line = first
        var lineHasWord = false
        // A word longer than a line (a long path) is cut into pieces that fit.
        let room = max(10, width - max(first.count, indent.count))
        let words = text.split(separator: " ", omittingEmptySubsequences: true).flatMap { word -> [Substring] in
            guard word.count > room else { return [word] }
            return stride(from: 0, to: word.count, by: room).map { offset in
                let start = word.index(word.startIndex, offsetBy: offset)
                return word[start..<(word.index(start, offsetBy: room, limitedBy: word.endIndex) ?? word.endIndex)]
            }
        }
        for word in words {
            let candidate = lineHasWord ? line + " " + word : line + word
            if candidate.count > width && lineHasWord {
                lines.append(line)
                line = indent + word
            } else {
                line = candidate
            }
            lineHasWord = true
        }
        lines.append(line)
        return lines
    }
}
