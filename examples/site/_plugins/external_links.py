#!/usr/bin/env python3
"""An example stage plugin for publish.

It reads one document in publish's versioned JSON form on standard input,
marks every link that leaves the site with rel="external noopener", and
writes the document back on standard output. Any language can do the same.
"""
import json
import sys

SITE = "https://example.org"


def walk(nodes):
    """Yields every node; a work list, so no document is too deep."""
    pending = list(reversed(nodes))
    while pending:
        node = pending.pop()
        yield node
        pending.extend(reversed(node.get("children", [])))


def main():
    document = json.load(sys.stdin)
    if document.get("version") != 1:
        sys.exit("external_links.py: this plugin reads version 1 of the JSON form")
    for node in walk(document["content"]):
        destination = node.get("destination", "")
        if node["type"] == "link" and destination.startswith(("http://", "https://")) \
                and not destination.startswith(SITE):
            attributes = node.setdefault("attributes", {})
            attributes.setdefault("pairs", {})["rel"] = "external noopener"
    json.dump(document, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
