import PublishWriters

/// The built-in templates of `theme/`, written out in Swift: each function
/// gives the bytes Mustache gives for the template of that name and the same
/// view (ThemeTests renders both and compares), without interpreting a
/// template and looking every name up through a context stack per page,
/// which was a tenth of a build. A site's own `templates/NAME.mustache` is
/// still rendered by Mustache; these stand in only for templates it does
/// not replace.
///
/// Escaping is Mustache's: `&`, `<`, `>`, `"` and `'`.
enum BuiltInTheme {
    /// `layout.mustache`: every page around its `body`.
    static func layout(_ view: LayoutView, body: [UInt8], into out: inout [UInt8]) {
        let site = view.site
        out += "<!DOCTYPE html>\n<html lang=\"".utf8
        escape(view.lang, into: &out)
        out += "\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>".utf8
        if let title = view.pageTitle {
            escape(title, into: &out)
            out += " · ".utf8
        }
        escape(site.title, into: &out)
        out += "</title>\n".utf8
        if let description = view.description {
            out += "<meta name=\"description\" content=\"".utf8
            escape(description, into: &out)
            out += "\">\n".utf8
        }
        out += "<meta name=\"generator\" content=\"publish\">\n<link rel=\"canonical\" href=\"".utf8
        escape(view.canonical, into: &out)
        out += "\">\n<link rel=\"stylesheet\" href=\"".utf8
        escape(site.baseurl, into: &out)
        out += "/assets/publish/theme.css\">\n".utf8
        for feed in site.feeds {
            out += "<link rel=\"alternate\" type=\"".utf8
            escape(feed.type, into: &out)
            out += "\" title=\"".utf8
            escape(feed.title, into: &out)
            out += "\" href=\"".utf8
            escape(feed.href, into: &out)
            out += "\">\n".utf8
        }
        out += "</head>\n<body>\n<header class=\"site-header\">\n<a class=\"site-title\" href=\"".utf8
        escape(site.baseurl, into: &out)
        out += "/\">".utf8
        escape(site.title, into: &out)
        out += "</a>\n<nav class=\"site-nav\">\n".utf8
        for link in site.navigation {
            out += "<a href=\"".utf8
            escape(link.href, into: &out)
            out += "\">".utf8
            escape(link.title, into: &out)
            out += "</a>\n".utf8
        }
        out += "</nav>\n</header>\n<main>\n".utf8
        out += body
        out += "\n</main>\n<footer class=\"site-footer\">\n<p>".utf8
        if let author = site.author {
            out += "© ".utf8
            escape(author, into: &out)
            out += " · ".utf8
        }
        escape(site.description, into: &out)
        out += "</p>\n</footer>\n</body>\n</html>\n".utf8
    }

    /// `post.mustache`: a post's article and the links to its neighbours.
    static func post(_ view: PostView, into out: inout [UInt8]) {
        let post = view.post
        out += "<article class=\"post\" lang=\"".utf8
        escape(post.lang, into: &out)
        out += "\">\n<header>\n<h1 class=\"post-title\">".utf8
        escape(post.title, into: &out)
        out += "</h1>\n".utf8
        meta(post, into: &out)
        if view.hasCategories { out += " · ".utf8 }
        for category in view.categories {
            out += "<a class=\"category\" href=\"".utf8
            escape(category.href, into: &out)
            out += "\">".utf8
            escape(category.name, into: &out)
            out += "</a> ".utf8
        }
        out += "</p>\n</header>\n<div class=\"post-content\">\n".utf8
        out += view.content.utf8
        out += "\n</div>\n".utf8
        if view.hasTags {
            out += "<p class=\"post-tags\">".utf8
            for tag in view.tags {
                out += "<a class=\"tag\" href=\"".utf8
                escape(tag.href, into: &out)
                out += "\">#".utf8
                escape(tag.name, into: &out)
                out += "</a> ".utf8
            }
            out += "</p>\n".utf8
        }
        out += "</article>\n<nav class=\"post-nav\">\n".utf8
        if let previous = view.previous {
            out += "<a class=\"previous\" rel=\"prev\" href=\"".utf8
            escape(previous.href, into: &out)
            out += "\">← ".utf8
            escape(previous.title, into: &out)
            out += "</a>".utf8
        }
        out += "\n".utf8
        if let next = view.next {
            out += "<a class=\"next\" rel=\"next\" href=\"".utf8
            escape(next.href, into: &out)
            out += "\">".utf8
            escape(next.title, into: &out)
            out += " →</a>".utf8
        }
        out += "\n</nav>\n".utf8
    }

    /// `page.mustache`: a page that is not a post.
    static func page(_ view: PageView, into out: inout [UInt8]) {
        out += "<article class=\"page\" lang=\"".utf8
        escape(view.lang, into: &out)
        out += "\">\n".utf8
        out += view.content.utf8
        out += "\n</article>\n".utf8
    }

    /// `list.mustache`: the index pages and the pages of a category or tag.
    static func list(_ view: ListView, into out: inout [UInt8]) {
        if let heading = view.heading {
            out += "<h1 class=\"list-heading\">".utf8
            escape(heading, into: &out)
            out += "</h1>\n".utf8
        }
        out += "<ul class=\"post-list\">\n".utf8
        for post in view.posts { listItem(post, into: &out) }
        out += "</ul>\n".utf8
        if let pagination = view.pagination {
            out += "<nav class=\"pagination\">\n".utf8
            if let previous = pagination.previous {
                out += "<a rel=\"prev\" href=\"".utf8
                escape(previous, into: &out)
                out += "\">← ".utf8
                escape(pagination.newerLabel, into: &out)
                out += "</a>".utf8
            }
            out += "\n<span>".utf8
            out += String(pagination.page).utf8
            out += " / ".utf8
            out += String(pagination.pages).utf8
            out += "</span>\n".utf8
            if let next = pagination.next {
                out += "<a rel=\"next\" href=\"".utf8
                escape(next, into: &out)
                out += "\">".utf8
                escape(pagination.olderLabel, into: &out)
                out += " →</a>".utf8
            }
            out += "\n</nav>\n".utf8
        }
    }

    /// One post of `list.mustache`'s `{{#posts}}`.
    private static func listItem(_ post: PostSummaryView, into out: inout [UInt8]) {
        out += "<li lang=\"".utf8
        escape(post.lang, into: &out)
        out += "\">\n<h2><a href=\"".utf8
        escape(post.href, into: &out)
        out += "\">".utf8
        escape(post.title, into: &out)
        out += "</a></h2>\n".utf8
        meta(post, into: &out)
        out += "</p>\n<div class=\"excerpt\">\n".utf8
        out += post.excerpt.utf8
        out += "\n</div>\n</li>\n".utf8
    }

    /// `archive.mustache`: every post by year, then the categories and tags.
    static func archive(_ view: ArchiveView, into out: inout [UInt8]) {
        out += "<h1 class=\"list-heading\">".utf8
        escape(view.heading, into: &out)
        out += "</h1>\n".utf8
        for year in view.years {
            out += "<section class=\"archive-year\">\n<h2 id=\"y".utf8
            escape(year.year, into: &out)
            out += "\">".utf8
            escape(year.year, into: &out)
            out += "</h2>\n<ul class=\"archive-list\">\n".utf8
            for post in year.posts {
                out += "<li lang=\"".utf8
                escape(post.lang, into: &out)
                out += "\"><time datetime=\"".utf8
                escape(post.datetime, into: &out)
                out += "\">".utf8
                escape(post.displayDate, into: &out)
                out += "</time> <a href=\"".utf8
                escape(post.href, into: &out)
                out += "\">".utf8
                escape(post.title, into: &out)
                out += "</a></li>\n".utf8
            }
            out += "</ul>\n</section>\n".utf8
        }
        for taxonomy in view.taxonomies {
            out += "<section class=\"archive-taxonomy\">\n<h2>".utf8
            escape(taxonomy.title, into: &out)
            out += "</h2>\n<p>".utf8
            for entry in taxonomy.entries {
                out += "<a href=\"".utf8
                escape(entry.href, into: &out)
                out += "\">".utf8
                escape(entry.name, into: &out)
                out += "</a> <span class=\"count\">(".utf8
                out += String(entry.count).utf8
                out += ")</span> ".utf8
            }
            out += "</p>\n</section>\n".utf8
        }
    }

    /// `<p class="post-meta">` up to the end of the reading time.
    private static func meta(_ post: PostSummaryView, into out: inout [UInt8]) {
        out += "<p class=\"post-meta\"><time datetime=\"".utf8
        escape(post.datetime, into: &out)
        out += "\">".utf8
        escape(post.displayDate, into: &out)
        out += "</time> · ".utf8
        escape(post.readingTime, into: &out)
    }

    /// `text` as Mustache's `{{name}}` writes it.
    static func escape(_ text: String, into out: inout [UInt8]) {
        HTMLEscaping.appendEscaped(text, to: &out, apostrophe: true)
    }
}
