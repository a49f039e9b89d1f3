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

    /// The page as a document: the doctype, then this element.
    public func document() -> String {
        var out = "<!DOCTYPE html>\n"
        write(to: &out)
        out.append("\n")
        return out
    }

    /// The markup of this piece alone.
    public var markup: String {
        var out = ""
        write(to: &out)
        return out
    }

    private func write(to out: inout String) {
        switch node {
        case .text(let text):
            HTML.escape(text, into: &out)
        case .fragment(let pieces):
            for piece in pieces { piece.write(to: &out) }
        case .element(let tag, let attributes, let children):
            out.append("<")
            out.append(tag.description)
            for attribute in attributes {
                out.append(" ")
                out.append(attribute.name.description)
                if let value = attribute.value {
                    out.append("=\"")
                    HTML.escape(value, into: &out)
                    out.append("\"")
                }
            }
            out.append(">")
            guard !HTML.voidElements.contains(tag.description) else { return }
            for child in children { child.write(to: &out) }
            out.append("</")
            out.append(tag.description)
            out.append(">")
        }
    }

    /// Elements that have no content and no closing tag.
    private static let voidElements: Set<String> = ["br", "hr", "img", "input", "link", "meta"]

    /// Text made safe for an HTML text node or a quoted attribute value: `&`, `<`, `>`, `"` and `'` become references;
    /// control characters other than tab, line feed and carriage return (which HTML does not allow) become U+FFFD.
    static func escape(_ text: String, into out: inout String) {
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out.append("&amp;")
            case "<": out.append("&lt;")
            case ">": out.append("&gt;")
            case "\"": out.append("&quot;")
            case "'": out.append("&#39;")
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                    out.append("\u{FFFD}")
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
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
