// `make bench`'s template row: the same post layout (two partials, a loop
// over 20 related posts, escaped and raw output) rendered by PublishLiquid
// and by swift-mustache, on the same data, in one process. Prints one line:
// `liquid R renders/s, mustache R renders/s`.
import Foundation
import Mustache
import PublishLiquid

let head = """
    <head><meta charset="utf-8"><title>{{ page.title | escape }} · {{ site.title | escape }}</title>
    <link rel="stylesheet" href="{{ site.baseurl }}/theme.css"></head>
    """
let footer = """
    <footer><p>© {{ site.author | escape }} · <a href="{{ site.baseurl }}/feed.xml">Feed</a></p></footer>
    """
let layout = """
    <!DOCTYPE html>
    <html lang="{{ site.lang }}">
    {% include 'head' %}<body>
    <article><h1>{{ page.title | escape }}</h1>
    <time datetime="{{ page.date }}">{{ page.date_text }}</time>
    {{ content }}
    </article>
    <ul class="related">
    {% for post in related %}<li><a href="{{ post.url }}">{{ post.title | escape }}</a> <span>{{ post.date_text }}</span></li>
    {% endfor %}</ul>{% include 'footer' %}
    </body></html>
    """
let mustacheHead = """
    <head><meta charset="utf-8"><title>{{page.title}} · {{site.title}}</title>
    <link rel="stylesheet" href="{{site.baseurl}}/theme.css"></head>
    """
let mustacheFooter = """
    <footer><p>© {{site.author}} · <a href="{{site.baseurl}}/feed.xml">Feed</a></p></footer>
    """
let mustacheLayout = """
    <!DOCTYPE html>
    <html lang="{{site.lang}}">
    {{> head}}<body>
    <article><h1>{{page.title}}</h1>
    <time datetime="{{page.date}}">{{page.date_text}}</time>
    {{{content}}}
    </article>
    <ul class="related">
    {{#related}}<li><a href="{{url}}">{{title}}</a> <span>{{date_text}}</span></li>
    {{/related}}</ul>{{> footer}}
    </body></html>
    """

let content = String(repeating: "<p>Kyoto in the rain: the moss gardens & the temple paths, \"quiet\" at dawn.</p>\n", count: 12)
let related = (1...20).map { n in
    (url: "/2014/06/\(n)/post-\(n).html", title: "Post number \(n) <with> an & in it", date: "June \(n), 2014")
}

func liquidRenders(count: Int) throws -> (Double, String) {
    let environment = Environment(fileSystem: MemoryFileSystem(["head": head, "footer": footer]))
    let template = try Template(layout, environment: environment)
    let variables: [String: Value] = [
        "site": .hash(["title": "Notes from the Workbench", "baseurl": "/blog", "lang": "en", "author": "A. Writer"]),
        "page": .hash(["title": "Kyoto notes", "date": "2014-06-16T00:00:00+09:00", "date_text": "June 16, 2014"]),
        "content": .string(content),
        "related": .array(related.map { .hash(["url": .string($0.url), "title": .string($0.title), "date_text": .string($0.date)]) }),
    ]
    var last = ""
    let start = ContinuousClock.now
    for _ in 0..<count {
        last = try template.render(Context(environment: environment, variables: variables))
    }
    return (seconds(since: start), last)
}

func mustacheRenders(count: Int) throws -> (Double, String) {
    let library = MustacheLibrary(templates: [
        "head": try MustacheTemplate(string: mustacheHead), "footer": try MustacheTemplate(string: mustacheFooter),
    ])
    let template = try MustacheTemplate(string: mustacheLayout)
    let data: [String: Any] = [
        "site": ["title": "Notes from the Workbench", "baseurl": "/blog", "lang": "en", "author": "A. Writer"],
        "page": ["title": "Kyoto notes", "date": "2014-06-16T00:00:00+09:00", "date_text": "June 16, 2014"],
        "content": content,
        "related": related.map { ["url": $0.url, "title": $0.title, "date_text": $0.date] },
    ]
    var last = ""
    let start = ContinuousClock.now
    for _ in 0..<count {
        last = template.render(data, library: library)
    }
    return (seconds(since: start), last)
}

func seconds(since start: ContinuousClock.Instant) -> Double {
    let elapsed = ContinuousClock.now - start
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
}

let count = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 20_000 : 20_000
do {
    let (liquid, liquidPage) = try liquidRenders(count: count)
    let (mustache, mustachePage) = try mustacheRenders(count: count)
    // Both must have written the same page, or the comparison means nothing.
    guard liquidPage == mustachePage else {
        FileHandle.standardError.write(Data("the two engines wrote different pages:\n\(liquidPage)\n---\n\(mustachePage)\n".utf8))
        exit(1)
    }
    print(String(format: "liquid %.0f renders/s, mustache %.0f renders/s", Double(count) / liquid, Double(count) / mustache))
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(1)
}
