#!/usr/bin/env python3
"""Judges the `atom` output with feedparser and the rules of RFC 5005.

    atom_check.py --publish PATH          generate a site of 130 posts in a
                                          temporary folder, build it again
                                          and again, check what changes
    atom_check.py --built DIR --url URL   check the feeds of a built site

Checks: feedparser parses every document with no bozo flag; every date is
RFC 3339 with a zone; following prev-archive from feed.xml (and next_url
from feed.json) recovers every post exactly once; archives link current,
prev-archive and next-archive; every Markdown link and image in content is
absolute. With --publish also: a rebuild gives identical bytes; a new post
leaves every archive byte-identical (but for the one gaining next-archive);
ids survive a permalink and title change; an edited archived post changes
its archive only and appears in feed.xml.
"""

import argparse
import datetime
import html.parser
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

try:
    import feedparser
except ImportError:
    sys.exit("atom_check: the Python package feedparser is missing (make test-deps installs it)")

ATOM = "{http://www.w3.org/2005/Atom}"
FH = "{http://purl.org/syndication/history/1.0}"
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
URL = "https://example.org/blog"
POSTS = 130


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


class Links(html.parser.HTMLParser):
    """Every href and src in an HTML fragment."""

    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value is not None:
                self.urls.append(value)


class Built:
    """The feeds of one built site, checked as they are read."""

    def __init__(self, folder, url, strict_urls=True):
        self.folder = folder
        self.strict_urls = strict_urls
        self.url = url.rstrip("/")
        self.documents = 0
        self.dates = 0
        self.urls = 0

    def path(self, url):
        check(url.startswith(self.url + "/"), f"{url} is not under {self.url}")
        from urllib.parse import unquote
        return os.path.join(self.folder, unquote(url[len(self.url) + 1:]))

    def parse(self, file):
        with open(file, "rb") as handle:
            data = handle.read()
        parsed = feedparser.parse(data)
        check(not parsed.bozo, f"{file}: feedparser: {parsed.get('bozo_exception')}")
        root = ET.fromstring(data)
        for element in root.iter():
            if element.tag in (ATOM + "updated", ATOM + "published"):
                check(RFC3339.match(element.text or ""), f"{file}: <{element.tag}> {element.text!r} is not RFC 3339")
                self.dates += 1
        if self.strict_urls:
            # Read from the document itself: feedparser would resolve them against xml:base.
            for content in root.iter(ATOM + "content"):
                links = Links()
                links.feed(content.text or "")
                for url in links.urls:
                    # raw.html is raw HTML in the generated posts, left as written.
                    if url != "raw.html":
                        check(re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", url), f"{file}: relative URL {url!r} in content")
                        self.urls += 1
        self.documents += 1
        return root

    def links(self, root, rel):
        return [link.get("href") for link in root.findall(ATOM + "link") if link.get("rel") == rel]

    def ids(self, root, file):
        ids = [entry.find(ATOM + "id").text for entry in root.findall(ATOM + "entry")]
        check(len(ids) == len(set(ids)), f"{file}: an id appears twice")
        return ids

    def chain(self, feed_file):
        """Follows prev-archive from a subscription document; returns every id once."""
        root = self.parse(feed_file)
        feed_ids = self.ids(root, feed_file)
        current = self.links(root, "self")[0]
        archived = []
        seen = set()
        later = None
        previous = self.links(root, "prev-archive")
        check(root.find(FH + "archive") is None, f"{feed_file}: the subscription document says fh:archive")
        if not previous:
            check(root.find(FH + "complete") is not None, f"{feed_file}: no archives, yet no fh:complete")
        while previous:
            check(len(previous) == 1, f"{feed_file}: more than one prev-archive")
            url = previous[0]
            check(url not in seen, f"{url}: the archive chain loops")
            seen.add(url)
            file = self.path(url)
            archive = self.parse(file)
            check(archive.find(FH + "archive") is not None, f"{file}: no fh:archive")
            check(archive.find(FH + "complete") is None, f"{file}: an archive says fh:complete")
            check(self.links(archive, "current") == [current], f"{file}: rel=current is not {current}")
            check(self.links(archive, "self") == [url], f"{file}: rel=self is not its own URL")
            check(self.links(archive, "next-archive") == ([later] if later else []),
                  f"{file}: next-archive should be {later}")
            ids = self.ids(archive, file)
            check(not set(ids) & set(archived), f"{file}: an entry is in two archives")
            archived += ids
            later = url
            previous = self.links(archive, "prev-archive")
        everything = set(archived) | set(feed_ids)
        check(len(everything) == len(archived) + len(set(feed_ids) - set(archived)), "ids counted twice")
        return everything

    def json_chain(self, file):
        """Follows next_url from a JSON Feed; returns every id."""
        ids = set()
        while file:
            with open(file, encoding="utf-8") as handle:
                document = json.load(handle)
            check(document["version"] == "https://jsonfeed.org/version/1.1", f"{file}: not JSON Feed 1.1")
            for item in document["items"]:
                for key in ("date_published", "date_modified"):
                    check(RFC3339.match(item[key]), f"{file}: {key} {item[key]!r} is not RFC 3339")
                    self.dates += 1
                check("content_html" in item or "content_text" in item, f"{file}: an item has no content")
                ids.add(item["id"])
            self.documents += 1
            file = self.path(document["next_url"]) if "next_url" in document else None
        return ids

    def feeds(self):
        """Every subscription document: the site's and each category's and tag's."""
        found = [os.path.join(self.folder, "feed.xml")]
        for kind in ("categories", "tags"):
            folder = os.path.join(self.folder, "feeds", kind)
            if os.path.isdir(folder):
                found += sorted(os.path.join(folder, name) for name in os.listdir(folder) if name.endswith(".xml"))
        return found

    def check_all(self, posts=None):
        ids = self.chain(os.path.join(self.folder, "feed.xml"))
        if posts is not None:
            check(len(ids) == posts, f"feed.xml and its archives hold {len(ids)} posts, not {posts}")
        json_feed = os.path.join(self.folder, "feed.json")
        if os.path.exists(json_feed):
            check(self.json_chain(json_feed) == ids, "feed.json and its pages hold other ids than feed.xml")
        for feed in self.feeds()[1:]:
            self.chain(feed)
        return ids


def feed_files(folder):
    """Every feed document of a built site, by relative path, with its bytes."""
    files = {}
    for base, _, names in os.walk(folder):
        for name in names:
            path = os.path.relpath(os.path.join(base, name), folder)
            if path == "feed.xml" or path == "feed.json" or path.startswith("feeds" + os.sep):
                with open(os.path.join(base, name), "rb") as handle:
                    files[path] = handle.read()
    return files


def post(number, front=""):
    """One generated post: categories, tags, relative links, awkward text."""
    day = datetime.date(2015, 1, 1) + datetime.timedelta(days=number)
    name = f"_posts/{day.isoformat()}-post-{number}.md"
    title = f"Post {number} & <friends>" + ("\x01" if number == 5 else "")
    lines = ["---", f"title: {json.dumps(title)}", f"date: {day.isoformat()} 09:30:00"]
    if number % 7 == 0:
        lines.append("category: notes")
    if number % 3 == 0:
        lines.append("tags: [python, 排版]")
    lines += [front, "---", "",
              f"Text of post {number}, 中文。 ![a picture](pic-{number}.png) and [up](../index.html),",
              "[the root](/about/), [a note](#note), [elsewhere](https://other.net/x)",
              "and <a href=\"raw.html\">raw HTML</a>.", ""]
    return name, "\n".join(lines)


def make_site(folder, count, permalink="date", title="Generated"):
    os.makedirs(os.path.join(folder, "_posts"), exist_ok=True)
    with open(os.path.join(folder, "_config.yml"), "w") as handle:
        handle.write(f"title: {title}\nurl: https://example.org\nbaseurl: /blog\n"
                     f"timezone: America/New_York\npermalink: {permalink}\n"
                     "author:\n  name: A. Writer\n  email: writer@example.org\n")
    with open(os.path.join(folder, "publish.yml"), "w") as handle:
        handle.write("outputs:\n  atom:\n    tags: true\n")
    for number in range(1, count + 1):
        write_post(folder, *post(number))


def write_post(folder, name, text):
    with open(os.path.join(folder, name), "w", encoding="utf-8") as handle:
        handle.write(text)


def build(publish, folder, output):
    result = subprocess.run([publish, "build", "--source", folder, "--output", output, "--format", "atom", "--quiet"],
                            capture_output=True, text=True)
    check(result.returncode == 0, f"publish build failed:\n{result.stderr}")
    return feed_files(output)


def without_next_archive(data):
    return re.sub(rb'  <link rel="next-archive"[^>]*/>\n', b"", data)


def archives_kept(before, after, message):
    """Every archive of `before` is in `after` as it was, or gained only next-archive."""
    for path, data in before.items():
        if "archive" not in path.split(os.sep):
            continue
        check(path in after, f"{message}: {path} disappeared")
        if after[path] != data:
            check(b"next-archive" not in data and without_next_archive(after[path]) == data,
                  f"{message}: {path} changed")


def with_publish(publish):
    work = tempfile.mkdtemp(prefix="atom-check-")
    try:
        site, out = os.path.join(work, "site"), os.path.join(work, "out")
        make_site(site, POSTS)
        first = build(publish, site, out)
        built = Built(out, URL)
        ids = built.check_all(posts=POSTS)
        check(build(publish, site, out) == first, "a second build of the same site gave other bytes")

        write_post(site, *post(POSTS + 1))
        one_more = build(publish, site, out)
        archives_kept(first, one_more, "after one new post")
        for number in range(POSTS + 2, 151):
            write_post(site, *post(number))
        fuller = build(publish, site, out)
        archives_kept(one_more, fuller, "after the posts that fill an archive")
        check("feeds/archive/3.xml" in fuller and b"next-archive" in fuller["feeds/archive/2.xml"],
              "the archive filled by new posts did not appear, or the one before it has no next-archive")
        Built(out, URL).check_all(posts=150)

        make_site(site, 150, permalink="/:categories/:title/", title="Renamed")
        moved = Built(out, URL)
        build(publish, site, out)
        check(moved.check_all(posts=150) >= ids, "ids changed with the permalink and the site's title")

        make_site(site, 150)
        unchanged = build(publish, site, out)
        write_post(site, *post(3, front="updated: 2015-05-30 10:00:00"))
        edited = build(publish, site, out)
        changed = sorted(path for path in unchanged if unchanged[path] != edited.get(path) and "archive" in path)
        check(changed and all(path.endswith(os.sep.join(["archive", "1.xml"]))
                              or path.endswith(os.sep.join(["archive", "1.json"]))
                              for path in changed), f"editing post 3 changed other archives: {changed}")
        check(b"post-3</id>" in edited["feed.xml"], "the edited archived post is not repeated in feed.xml")

        print(f"atom_check: {built.documents} documents of {POSTS} posts parsed by feedparser with no bozo, "
              f"{built.dates} dates RFC 3339, {built.urls} content URLs absolute; the archive chain recovers "
              f"every post once; rebuilds identical; new posts changed no archive; ids kept across a permalink "
              f"change; an edit touched only its archive")
    finally:
        shutil.rmtree(work)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--publish", help="the publish executable")
    parser.add_argument("--built", help="a built site's folder")
    parser.add_argument("--url", help="the built site's url and baseurl")
    arguments = parser.parse_args()
    try:
        if arguments.publish:
            with_publish(arguments.publish)
        elif arguments.built and arguments.url:
            # A real site's raw HTML keeps its URLs as written.
            built = Built(arguments.built, arguments.url, strict_urls=False)
            ids = built.check_all()
            print(f"atom_check: {arguments.built}: {built.documents} documents parsed by feedparser with no bozo, "
                  f"{built.dates} dates RFC 3339; the archive chain recovers all {len(ids)} posts once")
        else:
            parser.error("give --publish, or --built and --url")
    except Failure as failure:
        sys.exit(f"atom_check: FAILED: {failure}")


if __name__ == "__main__":
    main()
