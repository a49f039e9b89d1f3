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
        var utf8 = text.utf8.makeIterator()
        while let byte = utf8.next() {
            switch byte {
            case UInt8(ascii: "&"): out += [0x26, 0x61, 0x6D, 0x70, 0x3B]                  // &amp;
            case UInt8(ascii: "<"): out += [0x26, 0x6C, 0x74, 0x3B]                        // &lt;
            case UInt8(ascii: ">"): out += [0x26, 0x67, 0x74, 0x3B]                        // &gt;
            case UInt8(ascii: "\""): out += [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B]           // &quot;
            case UInt8(ascii: "'"): out += [0x26, 0x23, 0x33, 0x39, 0x3B]                  // &#39;
            case 0x09, 0x0A, 0x0D: out.append(byte)
            case 0x00..<0x20, 0x7F: out += replacement
            case 0xC2:                                                                     // U+0080...U+00BF
                guard let next = utf8.next() else { out += replacement; return }
                if (0x80...0x9F).contains(next) { out += replacement } else { out += [byte, next] }
            default: out.append(byte)
            }
        }
    }

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
