import Foundation
import PublishEmail
import Testing
@testable import PublishDelivery

@Suite("The unsubscribe endpoint")
struct UnsubscribeEndpointTests {
    let list: SubscriberList
    let tokens = UnsubscribeToken(secret: Array("the list's secret".utf8))
    let endpoint: UnsubscribeEndpoint
    let ann: Subscriber

    init() throws {
        list = SubscriberList(database: try DeliveryDatabase())
        guard case .added(let ann) = try list.add(email: "ann+news@example.org", name: "Ann") else {
            throw CancellationError()
        }
        self.ann = ann
        endpoint = UnsubscribeEndpoint(list: list, tokens: tokens, siteTitle: "Tom & Jerry's <Blog>")
    }

    var target: String {
        "/unsubscribe?id=\(ann.id)&token=\(tokens.token(subscriberID: String(ann.id), address: ann.email))"
    }

    func text(_ response: UnsubscribeEndpoint.Response) -> String {
        String(decoding: response.body, as: UTF8.self)
    }

    func status() throws -> SubscriberStatus? {
        try list.subscriber(id: ann.id)?.status
    }

    func multipart(_ fields: [(String, String)], boundary: String) -> [UInt8] {
        var body = "preamble to ignore\r\n"
        for (name, value) in fields {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
        }
        return Array((body + "--\(boundary)--\r\n").utf8)
    }

    @Test("GET shows an HTML5 page naming the site and the address, escaped, with the one-click form; nothing changes")
    func getShowsForm() throws {
        let response = endpoint.respond(method: "GET", target: target, contentType: nil, body: [])
        let page = text(response)
        #expect(response.status == 200 && response.contentType == "text/html; charset=utf-8")
        #expect(page.hasPrefix("<!DOCTYPE html>") && page.contains("<html lang=\"en\">")
                && page.contains("<meta charset=\"utf-8\">") && page.contains("<title>"))
        #expect(page.contains("Tom &amp; Jerry's &lt;Blog&gt;") && !page.contains("<Blog>"))
        #expect(page.contains("ann+news@example.org"))
        #expect(page.contains("<form method=\"post\" action=\"./unsubscribe?id=\(ann.id)&amp;token="))
        #expect(page.contains("<input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\">")
                && page.contains("<button type=\"submit\">"))
        #expect(try status() == .active)
    }

    @Test("GET for someone already unsubscribed says so, without a form")
    func getWhenUnsubscribed() throws {
        _ = try list.setStatus(.unsubscribed, id: ann.id)
        let page = text(endpoint.respond(method: "GET", target: target, contentType: nil, body: []))
        #expect(page.contains("will receive no more newsletters") && !page.contains("<form"))
    }

    @Test("The form posts back to the same URL under any path, relative to it")
    func formActionRelative() {
        #expect(UnsubscribeEndpoint.formAction("/news/unsubscribe?id=1&token=x") == "./unsubscribe?id=1&token=x")
        #expect(UnsubscribeEndpoint.formAction("/u/?id=1&token=x") == "./?id=1&token=x")
    }

    @Test("A one-click POST, urlencoded, unsubscribes with 200 and no redirect or cookie; again (with a line break), still 200")
    func oneClickURLEncoded() throws {
        for body in ["List-Unsubscribe=One-Click", "List-Unsubscribe=One-Click\r\n"] {
            let response = endpoint.respond(method: "POST", target: target,
                                            contentType: "application/x-www-form-urlencoded",
                                            body: Array(body.utf8))
            #expect(response.status == 200)
            #expect(response.headers["Location"] == nil && response.headers["Set-Cookie"] == nil)
            #expect(text(response).contains("ann+news@example.org"))
            #expect(try status() == .unsubscribed)
        }
    }

    @Test("A one-click POST as multipart/form-data, with a quoted boundary, unsubscribes")
    func oneClickMultipart() throws {
        let boundary = "----form boundary 7MA4YWxk"
        let body = multipart([("other", "x"), ("List-Unsubscribe", "One-Click")], boundary: boundary)
        let response = endpoint.respond(method: "POST", target: target,
                                        contentType: "multipart/form-data; boundary=\"\(boundary)\"", body: body)
        #expect(response.status == 200)
        #expect(try status() == .unsubscribed)
    }

    @Test("A form POST may carry the id and token in its body")
    func idAndTokenInBody() throws {
        let token = tokens.token(subscriberID: String(ann.id), address: ann.email)
        let body = multipart([("id", String(ann.id)), ("token", token), ("List-Unsubscribe", "One-Click")],
                             boundary: "b0undary")
        let response = endpoint.respond(method: "POST", target: "/unsubscribe",
                                        contentType: "multipart/form-data; boundary=b0undary", body: body)
        #expect(response.status == 200)
        #expect(try status() == .unsubscribed)
    }

    @Test("A POST without List-Unsubscribe=One-Click, or a multipart body cut short, changes nothing")
    func postWithoutOneClick() throws {
        let plain = endpoint.respond(method: "POST", target: target, contentType: "application/x-www-form-urlencoded",
                                     body: Array("List-Unsubscribe=Yes".utf8))
        #expect(plain.status == 400)
        var cut = multipart([("List-Unsubscribe", "One-Click")], boundary: "b")
        cut.removeLast(8)
        let multipart = endpoint.respond(method: "POST", target: target,
                                         contentType: "multipart/form-data; boundary=b", body: cut)
        #expect(multipart.status == 400)
        let json = endpoint.respond(method: "POST", target: target, contentType: "application/json",
                                    body: Array("{}".utf8))
        #expect(json.status == 415)
        #expect(try status() == .active)
    }

    @Test("Without id or token: 400")
    func missingParameters() {
        for target in ["/unsubscribe", "/unsubscribe?id=\(ann.id)", "/unsubscribe?token=abc", "/unsubscribe?id=&token="] {
            #expect(endpoint.respond(method: "GET", target: target, contentType: nil, body: []).status == 400)
        }
    }

    @Test("A tampered token and an unknown id get the same 403, and nothing changes")
    func forbiddenAlike() throws {
        var token = tokens.token(subscriberID: String(ann.id), address: ann.email)
        token = (token.first == "A" ? "B" : "A") + token.dropFirst()
        let tampered = endpoint.respond(method: "POST", target: "/unsubscribe?id=\(ann.id)&token=\(token)",
                                        contentType: "application/x-www-form-urlencoded",
                                        body: Array("List-Unsubscribe=One-Click".utf8))
        let unknownToken = tokens.token(subscriberID: "999", address: ann.email)
        let unknown = endpoint.respond(method: "POST", target: "/unsubscribe?id=999&token=\(unknownToken)",
                                       contentType: "application/x-www-form-urlencoded",
                                       body: Array("List-Unsubscribe=One-Click".utf8))
        let notNumber = endpoint.respond(method: "GET", target: "/unsubscribe?id=x&token=\(token)", contentType: nil,
                                         body: [])
        #expect(tampered.status == 403 && unknown.status == 403 && notNumber.status == 403)
        #expect(tampered.body == unknown.body && unknown.body == notNumber.body)
        #expect(try status() == .active)
    }

    @Test("Another method gets 405 with Allow; a body over 64 KiB gets 413")
    func methodAndSize() throws {
        let put = endpoint.respond(method: "PUT", target: target, contentType: nil, body: [])
        #expect(put.status == 405 && put.headers["Allow"] == "GET, POST")
        let large = endpoint.respond(method: "POST", target: target, contentType: "application/x-www-form-urlencoded",
                                     body: Array("List-Unsubscribe=One-Click&x=".utf8) + Array(repeating: 65, count: 65_536))
        #expect(large.status == 413)
        #expect(try status() == .active)
    }

    @Test("Form fields decode + and percent escapes as UTF-8")
    func urlEncodedDecoding() {
        let fields = FormURLEncoded.parse(Array("a=x+y%2Bz&b=%E4%B8%AD&c&d=%zz".utf8))
        #expect(fields.map(\.name) == ["a", "b", "c", "d"])
        #expect(fields.map(\.value) == ["x y+z", "中", "", "%zz"])
    }
}
