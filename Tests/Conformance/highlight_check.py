#!/usr/bin/env python3
"""Compares publish's code highlighting with Rouge's, character by character.

Rouge (Debian's ruby-rouge, the highlighter Jekyll uses) lexes each piece of
code; `publish highlight` lexes the same; for every character that is not
white space the two token classes are compared (Rouge's `w`, white space,
counts as plain text). Pieces are:

  --corpus DIR ...   every fenced code block with a language, and every
                     {% highlight LANG %} block, in the Markdown files below
                     DIR; each block must agree on at least --threshold of its
                     characters, in every language both highlighters know.
  --samples DIR      each file there, NAME.EXT, lexed as the language NAME
                     (a lexer file's name); reported per language.
  --demos            Rouge's own sample file for each language publish has
                     (/usr/share/ruby-rouge/demos), reported per language;
                     with --threshold, each must reach it.

--show LANG prints where the two disagree, for whoever tunes a lexer.
"""
import argparse
import html.parser
import json
import os
import re
import subprocess
import sys

ROUGE_DEMOS = "/usr/share/ruby-rouge/demos"

RUBY = r'''
require "rouge"
require "json"
STDOUT.sync = true
STDIN.each_line do |line|
  request = JSON.parse(line)
  lexer = Rouge::Lexer.find(request["lang"])
  if lexer.nil?
    puts JSON.generate(nil)
  else
    puts JSON.generate(lexer.lex(request["code"]).map { |token, text| [token.shortname, text] })
  end
end
'''


class Rouge:
    def __init__(self):
        try:
            self.process = subprocess.Popen(["ruby", "-e", RUBY], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                            text=True, encoding="utf-8")
        except FileNotFoundError:
            sys.exit("highlight_check: ruby is not installed (apt install ruby-rouge)")

    def tokens(self, lang, code):
        self.process.stdin.write(json.dumps({"lang": lang, "code": code}) + "\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        if not line:
            sys.exit("highlight_check: Rouge stopped (is ruby-rouge installed?)")
        return json.loads(line)


class Spans(html.parser.HTMLParser):
    """`<span class="k">…</span>` markup back to (class, text) pieces."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = [""]
        self.pieces = []

    def handle_starttag(self, tag, attrs):
        self.stack.append(dict(attrs).get("class", "") if tag == "span" else self.stack[-1])

    def handle_endtag(self, tag):
        if len(self.stack) > 1:
            self.stack.pop()

    def handle_data(self, data):
        self.pieces.append([self.stack[-1], data])


def publish_tokens(publish, lexers, lang, code):
    command = [publish, "highlight", "--language", lang] + (["--lexers", lexers] if lexers else [])
    run = subprocess.run(command, input=code.encode(), capture_output=True)
    if run.returncode != 0:
        return None, run.stderr.decode(errors="replace").strip()
    parser = Spans()
    parser.feed(run.stdout.decode())
    parser.close()
    return parser.pieces, None


def classes(pieces):
    result = []
    for short, text in pieces:
        short = "" if short == "w" else short
        result.extend([short] * len(text))
    return result


def agreement(code, ours, theirs):
    """(agreeing, counted) over the characters that are not white space."""
    a, b = classes(ours), classes(theirs)
    if len(a) != len(code) or len(b) != len(code):
        return 0, max(1, sum(1 for c in code if not c.isspace()))
    agreeing = counted = 0
    for char, x, y in zip(code, a, b):
        if char.isspace():
            continue
        counted += 1
        agreeing += x == y
    return agreeing, counted


def show(code, ours, theirs):
    a, b = classes(ours), classes(theirs)
    lines = code.split("\n")
    offset = 0
    for number, line in enumerate(lines, 1):
        bad = [i for i in range(len(line)) if not line[i].isspace() and offset + i < len(a) and offset + i < len(b)
               and a[offset + i] != b[offset + i]]
        if bad:
            marks = "".join("^" if i in bad else " " for i in range(len(line)))
            detail = ", ".join(sorted({f"{a[offset + i] or '-'}≠{b[offset + i] or '-'}" for i in bad}))
            print(f"  {number:4}| {line}\n      {marks}  publish≠rouge: {detail}")
        offset += len(line) + 1


FENCE = re.compile(r"^( {0,3})(`{3,}|~{3,})[ \t]*([A-Za-z0-9_+#.-]*)[^\n]*\n(.*?)^\1?\2[`~]*[ \t]*$", re.M | re.S)
TAG = re.compile(r"\{%-?\s*highlight\s+([A-Za-z0-9_+#.-]+)[^%]*%\}\n?(.*?)\{%-?\s*endhighlight\s*-?%\}", re.S)


def blocks(root):
    for folder, _, names in sorted(os.walk(root)):
        for name in sorted(names):
            if not name.endswith((".md", ".markdown")):
                continue
            path = os.path.join(folder, name)
            text = open(path, encoding="utf-8").read()
            for match in TAG.finditer(text):
                yield path, match.group(1).lower(), match.group(2)
            for match in FENCE.finditer(text):
                if match.group(3):
                    yield path, match.group(3).lower(), match.group(4)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--publish", required=True)
    parser.add_argument("--lexers", help="a folder of lexer files to use before the built-in ones")
    parser.add_argument("--corpus", nargs="*", default=[])
    parser.add_argument("--demos", action="store_true")
    parser.add_argument("--samples")
    parser.add_argument("--only", nargs="*", help="these languages only")
    parser.add_argument("--threshold", type=float)
    parser.add_argument("--show", help="print the disagreements of this language")
    args = parser.parse_args()

    rouge = Rouge()
    listing = subprocess.run([args.publish, "highlight", "--list"] + (["--lexers", args.lexers] if args.lexers else []),
                             capture_output=True, text=True, check=True).stdout
    known = {}
    for line in listing.splitlines():
        file, _, names = line.partition(": ")
        for name in names.split(", "):
            known[name] = file

    pieces = []
    if args.demos:
        for file in sorted(set(known.values())):
            demo = os.path.join(ROUGE_DEMOS, file)
            if os.path.exists(demo):
                pieces.append((demo, file, open(demo, encoding="utf-8").read()))
    if args.samples:
        for name in sorted(os.listdir(args.samples)):
            path = os.path.join(args.samples, name)
            pieces.append((path, name.split(".")[0], open(path, encoding="utf-8").read()))
    for root in args.corpus:
        pieces.extend(blocks(root))
    if args.only:
        pieces = [p for p in pieces if known.get(p[1], p[1]) in args.only or p[1] in args.only]

    per_language = {}
    failures = []
    for path, lang, code in pieces:
        theirs = rouge.tokens(lang, code)
        if lang not in known:
            if theirs is not None and any(short not in ("", "w") for short, _ in theirs):
                failures.append(f"{path}: Rouge highlights `{lang}`, publish has no lexer for it")
            continue
        if theirs is None:
            continue
        ours, error = publish_tokens(args.publish, args.lexers, lang, code)
        if ours is None:
            failures.append(f"{path}: publish highlight -l {lang} failed: {error}")
            continue
        agreeing, counted = agreement(code, ours, theirs)
        total = per_language.setdefault(known[lang], [0, 0, 0, []])
        total[0] += agreeing
        total[1] += counted
        total[2] += 1
        share = agreeing / counted if counted else 1.0
        total[3].append(share)
        if args.threshold is not None and share < args.threshold:
            failures.append(f"{path}: `{lang}` block agrees with Rouge on {share:.0%} of its characters "
                            f"(at least {args.threshold:.0%} wanted)")
        if args.show and known[lang] == known.get(args.show, args.show):
            print(f"{path} ({lang}): {share:.1%}")
            show(code, ours, theirs)

    for language in sorted(per_language):
        agreeing, counted, count, shares = per_language[language]
        print(f"{language:12} {count:3} piece(s), {agreeing / max(counted, 1):6.1%} of {counted} characters "
              f"alike Rouge's; worst piece {min(shares):.0%}")
    for failure in failures:
        print(failure, file=sys.stderr)
    if failures:
        sys.exit(1)


if __name__ == "__main__":
    main()
