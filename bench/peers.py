"""The peers' inputs: a Hugo site and a pandoc book made from the corpus.

The Hugo site is the same blog as `publish` builds: a page per post at
/YEAR/MONTH/DAY/SLUG/, a paged index (10 a page), a page per category, RSS
with every post's full content, raw HTML kept. Its layouts are minimal, as
the theme of `publish` is. The pandoc book is every post, oldest first, as a
chapter titled with the post's title.
"""

import json
import os

HUGO_CONFIG = """\
baseURL = "https://bench.example.org/"
title = "Bench News"
languageCode = "en"
paginate = 10
rssLimit = -1
[permalinks]
  posts = "/:year/:month/:day/:slug/"
[taxonomies]
  category = "categories"
  tag = "tags"
[outputs]
  home = ["HTML", "RSS"]
  section = ["HTML", "RSS"]
  taxonomy = ["HTML"]
  term = ["HTML", "RSS"]
[markup.goldmark.renderer]
  unsafe = true
"""

SINGLE = """\
<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>{{ .Title }} | {{ .Site.Title }}</title>
<link rel="alternate" type="application/rss+xml" href="{{ "index.xml" | absURL }}"></head>
<body><article><h1>{{ .Title }}</h1><time datetime="{{ .Date.Format "2006-01-02T15:04:05Z07:00" }}">{{ .Date.Format "2 January 2006" }}</time>
{{ .Content }}
<p>{{ range .Params.categories }}<a href="{{ "categories/" | relURL }}{{ . | urlize }}/">{{ . }}</a> {{ end }}</p>
</article></body>
</html>
"""

LIST = """\
<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>{{ .Title }} | {{ .Site.Title }}</title></head>
<body><h1>{{ .Title }}</h1>
{{ range .Paginator.Pages }}<article><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>{{ .Summary }}</article>
{{ end }}
{{ with .Paginator.Next }}<a href="{{ .URL }}">Older</a>{{ end }}
</body>
</html>
"""

RSS = """\
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>
<title>{{ .Site.Title }}</title><link>{{ .Permalink }}</link><description>{{ .Site.Title }}</description>
{{ range .Pages }}<item><title>{{ .Title }}</title><link>{{ .Permalink }}</link><guid>{{ .Permalink }}</guid>
<pubDate>{{ .Date.Format "Mon, 02 Jan 2006 15:04:05 -0700" }}</pubDate><description>{{ .Content | html }}</description></item>
{{ end }}</channel></rss>
"""


def write_hugo_site(posts, folder):
    """A Hugo site of these posts in folder: config, layouts, content/posts."""
    layouts = os.path.join(folder, "layouts", "_default")
    content = os.path.join(folder, "content", "posts")
    os.makedirs(layouts, exist_ok=True)
    os.makedirs(content, exist_ok=True)
    files = {os.path.join(folder, "config.toml"): HUGO_CONFIG,
             os.path.join(layouts, "single.html"): SINGLE,
             os.path.join(layouts, "list.html"): LIST,
             os.path.join(layouts, "rss.xml"): RSS}
    for path, text in files.items():
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
    for post in posts:
        meta = post.meta()
        front = [f"title: {json.dumps(post.title())}",
                 f"date: {post.date().isoformat()}",
                 f"slug: {json.dumps(post.slug)}"]
        if isinstance(meta.get("author"), str):
            front.append(f"author: {json.dumps(meta['author'])}")
        if post.categories():
            front.append(f"categories: {json.dumps(post.categories())}")
        name = f"{post.day:%Y-%m-%d}-{post.slug}.md"
        with open(os.path.join(content, name), "w", encoding="utf-8") as f:
            f.write("---\n" + "\n".join(front) + "\n---\n" + post.body)


def write_pandoc_book(posts, path):
    """Every post, oldest first, as a level-1 heading and its body."""
    ordered = sorted(posts, key=lambda p: p.date())
    with open(path, "w", encoding="utf-8") as f:
        for post in ordered:
            f.write(f"# {post.title()}\n\n{post.body.rstrip()}\n\n")
