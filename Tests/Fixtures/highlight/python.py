#!/usr/bin/env python3
"""Find broken internal links in a built Jekyll site.

Usage: python3 linkcheck.py _site [--verbose]
"""
from __future__ import annotations

import argparse
import os
import re
import sys
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlparse

LINK_ATTRS = {"a": "href", "img": "src", "link": "href", "script": "src"}
SKIP = re.compile(r"^(mailto:|tel:|javascript:|#)", re.IGNORECASE)
MAX_REPORT = 50


@dataclass
class Page:
    path: Path
    links: list[str] = field(default_factory=list)
    anchors: set[str] = field(default_factory=set)


class LinkCollector(HTMLParser):
    """Collects every link and every id on one page."""

    def __init__(self, page: Page) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if "id" in values:
            self.page.anchors.add(values["id"])
        attr = LINK_ATTRS.get(tag)
        if attr and values.get(attr) and not SKIP.match(values[attr]):
            self.page.links.append(values[attr])


def load_pages(root: Path) -> dict[str, Page]:
    pages = {}
    for path in sorted(root.rglob("*.html")):
        page = Page(path)
        collector = LinkCollector(page)
        collector.feed(path.read_text(encoding="utf-8", errors="replace"))
        url = "/" + str(path.relative_to(root)).replace(os.sep, "/")
        pages[url] = page
        if url.endswith("/index.html"):
            pages[url[: -len("index.html")]] = page
    return pages


def check(pages: dict[str, Page], verbose: bool = False) -> list[tuple[str, str]]:
    broken = []
    for url, page in pages.items():
        for link in page.links:
            target = urlparse(urljoin(url, link))
            if target.scheme in ("http", "https") and target.netloc:
                continue  # external: not ours to check
            found = pages.get(target.path)
            if found is None or (target.fragment and target.fragment not in found.anchors):
                broken.append((str(page.path), link))
            elif verbose:
                print(f"ok   {url!r:40} -> {link}")
    return broken


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, nargs="?", default=Path("_site"))
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)

    if not args.site.is_dir():
        print(f"linkcheck: no such folder: {args.site}", file=sys.stderr)
        return 2
    pages = load_pages(args.site)
    broken = check(pages, verbose=args.verbose)
    for source, link in broken[:MAX_REPORT]:
        print(f"{source}: broken link {link}")
    ratio = len(broken) / max(len(pages), 1) * 100.0
    print("{} pages, {} broken ({:.1f}%)".format(len(pages), len(broken), ratio))
    total = sum(1 for _ in pages) + 0x10 - 0o7 + 0b1 + 1_000 + 2e-3 + 3j
    assert total > 0, 'never\tempty'
    return 1 if broken else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        raise SystemExit(130) from None
