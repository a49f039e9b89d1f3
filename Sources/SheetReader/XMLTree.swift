import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A small element tree of one XML part: names and attribute names without their namespace prefix, text and elements in
/// document order. Parts of a workbook are small enough to hold whole.
final class XMLNode {
    /// An element's content in order: its text and its child elements.
    enum Item {
        case text(String)
        case element(XMLNode)
    }

    let name: String
    /// Attributes by local name (where two share one, the one not in a LibreOffice extension namespace).
    let attributes: [String: String]
    /// Attributes by their name as written (`calcext:value-type`).
    let qualified: [String: String]
    private(set) var items: [Item] = []
    private(set) var children: [XMLNode] = []

    init(name: String, attributes: [String: String], qualified: [String: String] = [:]) {
        self.name = name
        self.attributes = attributes
        self.qualified = qualified
    }

    func append(_ child: XMLNode) {
        items.append(.element(child))
        children.append(child)
    }

    func append(_ text: String) {
        if case .text(let before)? = items.last {
            items[items.count - 1] = .text(before + text)
        } else {
            items.append(.text(text))
        }
    }

    /// The first child element with a name.
    func child(_ name: String) -> XMLNode? { children.first { $0.name == name } }
    /// The child elements with a name.
    func children(_ name: String) -> [XMLNode] { children.filter { $0.name == name } }
    /// The element's own text (not its children's).
    var text: String {
        items.reduce(into: "") { if case .text(let t) = $1 { $0 += t } }
    }
    /// The first element with a name, searching depth first.
    func find(_ name: String) -> XMLNode? {
        if self.name == name { return self }
        for child in children { if let found = child.find(name) { return found } }
        return nil
    }
}

/// Parses XML parts with Foundation's parser into element trees, refusing what a workbook never holds (a DTD, entities,
/// nesting deeper than any workbook's).
enum XMLTree {
    /// Deeper than any spreadsheet part nests (a sheet's cell text is about 6 deep).
    static let maximumDepth = 64

    /// The part's root element, or why it cannot be read.
    static func parse(_ data: Data) -> Result<XMLNode, Reason> {
        // OOXML and ODF never declare a DTD; refusing one keeps entity expansion (a "billion laughs") out.
        if data.range(of: Data("<!DOCTYPE".utf8)) != nil || data.range(of: Data("<!ENTITY".utf8)) != nil {
            return .failure(Reason("it declares a document type (<!DOCTYPE), which no spreadsheet part does"))
        }
        let builder = Builder()
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = false
        parser.shouldReportNamespacePrefixes = false
        parser.shouldResolveExternalEntities = false
        parser.delegate = builder
        let parsed = parser.parse()
        if let failure = builder.failure { return .failure(Reason(failure)) }
        guard parsed, let root = builder.root, builder.stack.isEmpty else {
            let line = parser.lineNumber
            return .failure(Reason("it is not well-formed XML" + (line > 0 ? " (near line \(line) of the part)" : "")))
        }
        return .success(root)
    }

    /// LibreOffice's extension namespaces, whose attributes repeat standard ones (`calcext:value-type`).
    static func isExtension(_ name: String) -> Bool { name.hasPrefix("calcext:") || name.hasPrefix("loext:") }

    /// `x:c` → `c`, `r:id` → `id`.
    static func local(_ name: String) -> String {
        guard let colon = name.lastIndex(of: ":") else { return name }
        return String(name[name.index(after: colon)...])
    }

    private final class Builder: NSObject, XMLParserDelegate {
        var root: XMLNode?
        var stack: [XMLNode] = []
        var failure: String?

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
                    attributes attributeDict: [String: String] = [:]) {
            guard failure == nil else { return }
            if stack.count >= XMLTree.maximumDepth {
                failure = "its elements nest more than \(XMLTree.maximumDepth) deep, which no spreadsheet part does"
                parser.abortParsing()
                return
            }
            if stack.isEmpty && root != nil {
                failure = "it has more than one root element"
                parser.abortParsing()
                return
            }
            var attributes: [String: String] = [:]
            for key in attributeDict.keys.sorted() where attributes[XMLTree.local(key)] == nil || !XMLTree.isExtension(key) {
                if attributes[XMLTree.local(key)] != nil, XMLTree.isExtension(key) { continue }
                attributes[XMLTree.local(key)] = attributeDict[key]
            }
            let node = XMLNode(name: XMLTree.local(elementName), attributes: attributes, qualified: attributeDict)
            if let parent = stack.last { parent.append(node) } else { root = node }
            stack.append(node)
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
            if !stack.isEmpty { stack.removeLast() }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack.last?.append(string)
        }

        func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
            stack.last?.append(String(decoding: CDATABlock, as: UTF8.self))
        }
    }
}
