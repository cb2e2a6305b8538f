#!/usr/bin/env python3
"""Whole Jekyll sites built by Jekyll itself and by publish, compared file by file.

Usage: jekyll_sites.py PUBLISH CORPORA_FOLDER [SITE ...]

For each site (default: lanyon, minima and jekyll-new) the folder is copied
twice; Debian's
`jekyll` builds one copy (with the plugins the site's SOURCE.md names) and
publish builds the other. Then:

- every file Jekyll writes must exist in publish's output;
- every HTML page is compared by its visible text (the text of <body> and
  <title>, outside <script> and <style>, whitespace collapsed) and by its tag
  skeleton (the sequence of element names in <body>, less the token <span>s
  that Rouge's highlighting puts inside <pre>); each must be at least
  TEXT_FLOOR / SKELETON_FLOOR alike (difflib's ratio over words and over tag
  names), and every difference is printed, so what comes from kramdown against
  CommonMark (smart quotes, inline code classes, heading ids) is listed, not
  hidden;
- the feeds and sitemaps Jekyll writes (feed.xml, atom.xml, sitemap.xml) must
  list the same URLs in publish's output.

A page named in jekyll-sites-known.txt (SITE PAGE: why) is compared and
printed like the others but does not fail the run; one that has become alike
is named, so that the list only shrinks.

Exit status 1 when a check fails, with the reasons.
"""

import difflib
import html.parser
import os
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.parse

TEXT_FLOOR = 1.0
SKELETON_FLOOR = 1.0
# The plugins each corpus's SOURCE.md says its reference build needs.
EXTRA_CONFIG = {"minima": "plugins: [jekyll-feed, jekyll-seo-tag]\n"}
FEEDS = ["feed.xml", "atom.xml", "sitemap.xml"]
# The site `jekyll new` makes (theme: minima, from Debian's jekyll-theme-minima),
# written here since `jekyll new` wants Bundler and the network.
JEKYLL_NEW = {
    "_config.yml": "title: Your awesome title\nemail: your-email@example.com\ndescription: >-\n"
                   "  Write an awesome description for your new site here.\nbaseurl: \"\"\nurl: \"\"\n"
                   "twitter_username: jekyllrb\ngithub_username: jekyll\ntheme: minima\nplugins:\n  - jekyll-feed\n",
    "index.markdown": "---\nlayout: home\n---\n",
    "about.markdown": "---\nlayout: page\ntitle: About\npermalink: /about/\n---\n\n"
                      "This is the base Jekyll theme. You can find out more info about customizing your Jekyll theme, "
                      "as well as basic Jekyll usage documentation at [jekyllrb.com](https://jekyllrb.com/)\n",
    "404.html": "---\npermalink: /404.html\nlayout: default\n---\n\n<div class=\"container\">\n  <h1>404</h1>\n"
                "  <p><strong>Page not found :(</strong></p>\n</div>\n",
    "_posts/2020-01-01-welcome-to-jekyll.markdown":
        "---\nlayout: post\ntitle:  \"Welcome to Jekyll!\"\ndate:   2020-01-01 10:00:00 +0000\n"
        "categories: jekyll update\n---\nYou’ll find this post in your `_posts` directory. Go ahead and edit it "
        "and re-build the site to see your changes.\n\nJekyll also offers powerful support for code snippets:\n\n"
        "{% highlight ruby %}\ndef print_hi(name)\n  puts \"Hi, #{name}\"\nend\nprint_hi('Tom')\n"
        "#=> prints 'Hi, Tom' to STDOUT.\n{% endhighlight %}\n\nCheck out the [Jekyll docs][jekyll-docs] \"for more\" -- "
        "and...\n\n[jekyll-docs]: https://jekyllrb.com/docs/home\n",
}


class Page(html.parser.HTMLParser):
    """The visible words and the element names of one HTML page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text, self.tags = [], []
        self.hidden = 0
        self.in_pre = 0
        self.in_body = False
        self.in_title = False

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.hidden += 1
        if tag == "body":
            self.in_body = True
        if tag == "title":
            self.in_title = True
        if tag == "pre":
            self.in_pre += 1
        # Rouge's token spans inside code are highlighting, which publish
        # does not do yet: they are left out of the skeleton.
        if self.in_body and not (self.in_pre and tag == "span"):
            self.tags.append(tag)

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self.hidden:
            self.hidden -= 1
        if tag == "title":
            self.in_title = False
        if tag == "pre" and self.in_pre:
            self.in_pre -= 1

    def handle_data(self, data):
        if self.hidden or not (self.in_body or self.in_title):
            return
        self.text.append(data)


def read_page(path):
    page = Page()
    with open(path, encoding="utf-8", errors="replace") as f:
        page.feed(f.read())
    # Words are cut after the text is joined: markup inside a word (a
    # highlighted token) does not split it.
    page.words = "".join(page.text).split()
    return page


def urls(path):
    """The URLs a feed or sitemap lists: <loc>, <link href>, <id>, without the
    site's own link to itself."""
    with open(path, encoding="utf-8", errors="replace") as f:
        text = f.read()
    found = set(re.findall(r"<loc>\s*([^<\s]+)\s*</loc>", text))
    for match in re.finditer(r"<entry>(.*?)</entry>", text, re.S):
        entry = match.group(1)
        found.update(re.findall(r"<link[^>]*href=\"([^\"]+)\"", entry))
    # A site without `url` gets relative links from Jekyll and links on
    # localhost from publish (Atom needs absolute ones): compare the paths.
    return {urllib.parse.urlsplit(url).path for url in found}


def build(command, cwd=None):
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    return result.returncode, result.stdout + result.stderr


def files_below(root):
    found = set()
    for folder, _, names in os.walk(root):
        for name in names:
            found.add(os.path.relpath(os.path.join(folder, name), root))
    return found


def fragment(a, b, limit=3):
    """The first differing word runs of a and b, for the record."""
    shown = []
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        shown.append(f"jekyll «{' '.join(a[i1:i2])[:80]}» publish «{' '.join(b[j1:j2])[:80]}»")
        if len(shown) == limit:
            break
    return "; ".join(shown)


def known_differences():
    """SITE/PAGE -> why, from jekyll-sites-known.txt beside this script."""
    known = {}
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "jekyll-sites-known.txt")
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                where, _, why = line.partition(":")
                site, _, page = where.strip().partition(" ")
                known[f"{site}/{page.strip()}"] = why.strip()
    return known


def compare(name, corpus, publish, work, known):
    problems = []
    jekyll_source = os.path.join(work, "jekyll-src")
    publish_source = os.path.join(work, "publish-src")
    if name == "jekyll-new":
        for root in (jekyll_source, publish_source):
            for path, text in JEKYLL_NEW.items():
                os.makedirs(os.path.dirname(os.path.join(root, path)), exist_ok=True)
                with open(os.path.join(root, path), "w", encoding="utf-8") as f:
                    f.write(text)
    else:
        shutil.copytree(corpus, jekyll_source)
        shutil.copytree(corpus, publish_source)
    jekyll_out = os.path.join(work, "jekyll-out")
    publish_out = os.path.join(work, "publish-out")
    command = ["jekyll", "build", "-q", "-s", jekyll_source, "-d", jekyll_out]
    if name in EXTRA_CONFIG:
        extra = os.path.join(work, "extra.yml")
        with open(extra, "w") as f:
            f.write(EXTRA_CONFIG[name])
        command += ["--config", os.path.join(jekyll_source, "_config.yml") + "," + extra]
    status, output = build(command)
    if status != 0:
        return [f"{name}: jekyll failed:\n{output}"]
    status, output = build([publish, "build", "--source", publish_source, "--output", publish_out, "--no-cache"])
    if status != 0:
        problems.append(f"{name}: publish exited {status}:\n{output}")
    jekyll_files, publish_files = files_below(jekyll_out), files_below(publish_out)
    missing = sorted(jekyll_files - publish_files)
    if missing:
        problems.append(f"{name}: files Jekyll writes that publish does not: {', '.join(missing)}")
    pages = sorted(f for f in jekyll_files & publish_files if f.endswith(".html"))
    print(f"{name}: Jekyll wrote {len(jekyll_files)} files, publish {len(publish_files)}; "
          f"{len(jekyll_files) - len(missing)} of Jekyll's are in publish's output; comparing {len(pages)} HTML pages")
    for page in pages:
        ours, theirs = read_page(os.path.join(publish_out, page)), read_page(os.path.join(jekyll_out, page))
        text = difflib.SequenceMatcher(a=theirs.words, b=ours.words, autojunk=False).ratio()
        skeleton = difflib.SequenceMatcher(a=theirs.tags, b=ours.tags, autojunk=False).ratio()
        line = f"  {page}: text {text:.3f}, skeleton {skeleton:.3f}"
        if text < 1:
            line += f"\n    text differs: {fragment(theirs.words, ours.words)}"
        if skeleton < 1:
            line += f"\n    tags differ: {fragment(theirs.tags, ours.tags)}"
        print(line)
        alike = text >= TEXT_FLOOR and skeleton >= SKELETON_FLOOR
        why = known.get(f"{name}/{page}")
        if why and alike:
            problems.append(f"{name}: {page} is now alike; take it out of jekyll-sites-known.txt")
        elif why:
            print(f"    a known difference: {why}")
        elif not alike:
            problems.append(f"{name}: {page} is too unlike Jekyll's (text {text:.3f}, skeleton {skeleton:.3f}; "
                            f"the floors are {TEXT_FLOOR} and {SKELETON_FLOOR})")
    for feed in FEEDS:
        if feed not in jekyll_files:
            continue
        if feed not in publish_files:
            continue  # already reported as missing
        theirs, ours = urls(os.path.join(jekyll_out, feed)), urls(os.path.join(publish_out, feed))
        if theirs != ours:
            problems.append(f"{name}: {feed} lists other URLs: only Jekyll's {sorted(theirs - ours)}, "
                            f"only publish's {sorted(ours - theirs)}")
        else:
            print(f"  {feed}: the same {len(ours)} URLs")
    return problems


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    publish = os.path.abspath(sys.argv[1])
    corpora = sys.argv[2]
    names = sys.argv[3:] or ["lanyon", "minima", "jekyll-new"]
    if not shutil.which("jekyll"):
        sys.exit("jekyll_sites.py: Debian's jekyll is not installed (make conformance installs it)")
    problems = []
    known = known_differences()
    for name in names:
        with tempfile.TemporaryDirectory(prefix=f"jekyll-{name}-") as work:
            problems += compare(name, os.path.join(corpora, name), publish, work, known)
    if problems:
        print("\nThe Jekyll sites differ where they must not:\n" + "\n".join(problems))
        sys.exit(1)
    print("Every file Jekyll writes is in publish's output, every page alike above the floors, the feeds list the same URLs.")


if __name__ == "__main__":
    main()
