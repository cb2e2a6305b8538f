import CLibXML2
import Foundation

/// Every call into libxml2: HTML read into `Markup` events, and XML checked
/// for well-formedness. No libxml2 pointer leaves this file.
enum LibXML {
    /// libxml2 asks to be initialised once before several threads use it;
    /// every entry point below makes sure it was.
    private static let initialised: Void = xmlInitParser()

    /// The body of `html`, read as a browser would (libxml2's HTML parser,
    /// which closes what is left open and drops what cannot be placed),
    /// as events. Comments and processing instructions are left out.
    static func parseHTML(_ html: String) -> [Markup] {
        _ = initialised
        let page = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>" + html + "</body></html>"
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue
                            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue
                            | XML_PARSE_HUGE.rawValue)
        let bytes = Array(page.utf8)
        guard let document = bytes.withUnsafeBufferPointer({ buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                htmlReadMemory($0, Int32(buffer.count), nil, "UTF-8", options)
            }
        }) else { return [.text(html)] }
        defer { xmlFreeDoc(document) }
        guard let body = findBody(document) else { return [] }
        return events(under: body)
    }

    /// Whether `xml` is a well-formed XML document; the parser's first
    /// complaint when it is not.
    static func wellFormednessError(_ xml: [UInt8]) -> String? {
        _ = initialised
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue
                            | XML_PARSE_NOWARNING.rawValue | XML_PARSE_HUGE.rawValue)
        guard let context = xmlNewParserCtxt() else { return "libxml2 could not start a parser" }
        defer { xmlFreeParserCtxt(context) }
        let document = xml.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                xmlCtxtReadMemory(context, $0, Int32(buffer.count), nil, "UTF-8", options)
            }
        }
        if let document { xmlFreeDoc(document) }
        guard context.pointee.wellFormed == 0 || document == nil else { return nil }
        guard let error = xmlCtxtGetLastError(context), let message = error.pointee.message else {
            return "not well-formed"
        }
        let text = String(cString: message).trimmingCharacters(in: .whitespacesAndNewlines)
        return "line \(error.pointee.line): \(text)"
    }

    private static func findBody(_ document: xmlDocPtr) -> xmlNodePtr? {
        var node = xmlDocGetRootElement(document)?.pointee.children
        while let current = node {
            if current.pointee.type == XML_ELEMENT_NODE, name(of: current) == "body" { return current }
            node = current.pointee.next
        }
        return nil
    }

    /// The walk follows the tree's links, with no stack of its own.
    private static func events(under top: xmlNodePtr) -> [Markup] {
        var out: [Markup] = []
        var node = top.pointee.children
        while let current = node {
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                out.append(.open(name(of: current), attributes(of: current)))
                if let child = current.pointee.children {
                    node = child
                    continue
                }
                out.append(.close(name(of: current)))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content { out.append(.text(String(cString: content))) }
            default:
                break
            }
            // Up until a node with a next sibling, closing what is left.
            var up: xmlNodePtr? = current
            node = nil
            while let climbing = up, climbing != top {
                if let next = climbing.pointee.next {
                    node = next
                    break
                }
                up = climbing.pointee.parent
                if let parent = up, parent != top { out.append(.close(name(of: parent))) }
            }
        }
        return out
    }

    private static func name(of node: xmlNodePtr) -> String {
        node.pointee.name.map { String(cString: $0).lowercased() } ?? ""
    }

    private static func attributes(of node: xmlNodePtr) -> [(name: String, value: String)] {
        var out: [(name: String, value: String)] = []
        var attribute = node.pointee.properties
        while let current = attribute {
            let name = current.pointee.name.map { String(cString: $0).lowercased() } ?? ""
            // The value's text nodes, read in place: nothing to free.
            var value = ""
            var part = current.pointee.children
            while let text = part {
                if let content = text.pointee.content { value += String(cString: content) }
                part = text.pointee.next
            }
            out.append((name, value))
            attribute = current.pointee.next
        }
        return out
    }
}
