#!/usr/bin/env python3
"""An example output plugin for publish.

It reads the whole site as JSON on standard input and writes
`words.json` (posts and their word counts, CJK characters counted one by
one) into the folder publish names in $PUBLISH_OUTPUT.
"""
import json
import os
import sys
import unicodedata


def texts(nodes):
    pending = list(reversed(nodes))
    while pending:
        node = pending.pop()
        if node["type"] in ("text", "code"):
            yield node["text"]
        pending.extend(reversed(node.get("children", [])))


def count(text):
    words, in_word = 0, False
    for character in text:
        if unicodedata.east_asian_width(character) in ("W", "F") and character.isalpha():
            words += 1
            in_word = False
        elif character.isalnum():
            words += 0 if in_word else 1
            in_word = True
        else:
            in_word = False
    return words


def main():
    site = json.load(sys.stdin)
    posts = [{"url": post["url"], "title": post["document"]["metadata"].get("title", ""),
              "words": sum(count(text) for text in texts(post["document"]["content"]))}
             for post in site["posts"]]
    with open(os.path.join(os.environ["PUBLISH_OUTPUT"], "words.json"), "w", encoding="utf-8") as out:
        json.dump({"site": site["site"]["title"], "posts": posts}, out, ensure_ascii=False, indent=2)


if __name__ == "__main__":
    main()
