/// A piece of a page: an element with attributes and children, or text. Every text and attribute value is escaped when the
/// page is written; tag and attribute names are `StaticString`s, literals of this code, never data. So user text (a name,
/// a file name, a message quoting a roster line) can only ever be text: there is no other way into the page.
public struct HTML: Sendable {
    fileprivate enum Node: Sendable {
        case element(tag: StaticString, attributes: [Attribute], children: [HTML])
        case text(String)
        case fragment([HTML])
    }

    fileprivate let node: Node

    private init(_ node: Node) { self.node = node }

    /// An element: `<tag attributes>children</tag>` (no closing tag for a void element such as `input`).
    public static func element(_ tag: StaticString, _ attributes: [Attribute] = [], _ children: [HTML] = []) -> HTML {
        HTML(.element(tag: tag, attributes: attributes, children: children))
    }

    /// Text, escaped.
    public static func text(_ text: String) -> HTML { HTML(.text(text)) }

    /// Several pieces side by side.
    public static func fragment(_ pieces: [HTML]) -> HTML { HTML(.fragment(pieces)) }

    /// Nothing.
    public static let empty = HTML(.fragment([]))

    /// Whether this is nothing (``empty``, or pieces that are all nothing).
    public var isEmpty: Bool {
        if case .fragment(let pieces) = node { return pieces.allSatisfy(\.isEmpty) }
        return false
    }

    /// The page as a document: the doctype, then this element, as UTF-8 bytes.
    public func document() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(16_384)
        out += Array("<!DOCTYPE html>\n".utf8)
        write(to: &out)
        out.append(0x0A)
        return out
    }

    /// The markup of this piece alone.
    public var markup: String {
        var out: [UInt8] = []
        write(to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private func write(to out: inout [UInt8]) {
        switch node {
        case .text(let text):
            HTML.escape(text, into: &out)
        case .fragment(let pieces):
            for piece in pieces { piece.write(to: &out) }
        case .element(let tag, let attributes, let children):
            out.append(UInt8(ascii: "<"))
            HTML.append(tag, to: &out)
            for attribute in attributes {
                out.append(UInt8(ascii: " "))
                HTML.append(attribute.name, to: &out)
                if let value = attribute.value {
                    out.append(UInt8(ascii: "="))
                    out.append(UInt8(ascii: "\""))
                    HTML.escape(value, into: &out)
                    out.append(UInt8(ascii: "\""))
                }
            }
            out.append(UInt8(ascii: ">"))
            guard !HTML.isVoid(tag) else { return }
            for child in children { child.write(to: &out) }
            out.append(UInt8(ascii: "<"))
            out.append(UInt8(ascii: "/"))
            HTML.append(tag, to: &out)
            out.append(UInt8(ascii: ">"))
        }
    }

    /// A name of this code, as it is.
    private static func append(_ name: StaticString, to out: inout [UInt8]) {
        name.withUTF8Buffer { out.append(contentsOf: $0) }
    }

    /// Elements that have no content and no closing tag.
    private static func isVoid(_ tag: StaticString) -> Bool {
        tag.withUTF8Buffer { name in voidElements.contains { $0.elementsEqual(name) } }
    }

    private static let voidElements: [[UInt8]] = ["br", "hr", "img", "input", "link", "meta"].map { Array($0.utf8) }

    /// Text made safe for an HTML text node or a quoted attribute value: `&`, `<`, `>`, `"` and `'` become references;
    /// control characters other than tab, line feed and carriage return (which HTML does not allow) become U+FFFD.
    static func escape(_ text: String, into out: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            var plain = 0   // where the run of bytes that need no escaping starts
            var i = 0
            while i < bytes.count {
                let byte = bytes[i]
                let escaped: [UInt8]?
                var width = 1
                switch byte {
                case UInt8(ascii: "&"): escaped = ampersand
                case UInt8(ascii: "<"): escaped = lessThan
                case UInt8(ascii: ">"): escaped = greaterThan
                case UInt8(ascii: "\""): escaped = quote
                case UInt8(ascii: "'"): escaped = apostrophe
                case 0x09, 0x0A, 0x0D: escaped = nil
                case 0x00..<0x20, 0x7F: escaped = replacement
                case 0xC2 where i + 1 < bytes.count && (0x80...0x9F).contains(bytes[i + 1]):   // U+0080...U+009F
                    escaped = replacement
                    width = 2
                default: escaped = nil
                }
                if let escaped {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[plain..<i]))
                    out.append(contentsOf: escaped)
                    plain = i + width
                }
                i += width
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[plain..<bytes.count]))
        }
    }

    private static let ampersand = Array("&amp;".utf8)
    private static let lessThan = Array("&lt;".utf8)
    private static let greaterThan = Array("&gt;".utf8)
    private static let quote = Array("&quot;".utf8)
    private static let apostrophe = Array("&#39;".utf8)

    /// U+FFFD in UTF-8.
    private static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]

    /// ``escape(_:into:)`` into a string.
    static func escape(_ text: String, into out: inout String) {
        var bytes: [UInt8] = []
        escape(text, into: &bytes)
        out += String(decoding: bytes, as: UTF8.self)
    }
}

/// An attribute: a name of this code and a value that is escaped when written (nil: a boolean attribute such as `checked`).
public struct Attribute: Sendable {
    let name: StaticString
    let value: String?

    public init(_ name: StaticString, _ value: String?) {
        self.name = name
        self.value = value
    }
}

// Shorthands for the pages: `el("p", [.class("note")], "text")`.

/// An element with children.
func el(_ tag: StaticString, _ attributes: [Attribute] = [], _ children: [HTML]) -> HTML { .element(tag, attributes, children) }

/// An element holding one text.
func el(_ tag: StaticString, _ attributes: [Attribute] = [], _ text: String) -> HTML { .element(tag, attributes, [.text(text)]) }

extension Attribute {
    static func `class`(_ value: String) -> Attribute { Attribute("class", value) }
    static func id(_ value: String) -> Attribute { Attribute("id", value) }
    static func name(_ value: String) -> Attribute { Attribute("name", value) }
    static func value(_ value: String) -> Attribute { Attribute("value", value) }
    static func type(_ value: String) -> Attribute { Attribute("type", value) }
    static func href(_ value: String) -> Attribute { Attribute("href", value) }
    static func `for`(_ value: String) -> Attribute { Attribute("for", value) }
    static func scope(_ value: String) -> Attribute { Attribute("scope", value) }
    static let checked = Attribute("checked", nil)
    static let selected = Attribute("selected", nil)
    static let required = Attribute("required", nil)
}
