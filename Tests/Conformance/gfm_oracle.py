#!/usr/bin/env python3
"""Differential test: `publish render` against cmark-gfm itself.

cmark-gfm (through Python's `cmarkgfm` bindings) renders every case with its
table, strikethrough, autolink and tasklist extensions and footnotes on, and
`publish render --pipeline Tests/Fixtures/gfm/oracle.yml` must give the same
HTML after the CommonMark runner's normalisation. The one intended
difference, table alignment as `style="text-align: …"` instead of the
obsolete `align` attribute, is applied to cmark-gfm's side first.

Cases are the fixtures in Tests/Fixtures/gfm/*.md, split at lines that are
exactly `%%%`, and every post and page of the example site with its front
matter removed: real writing, with CJK text, tables, code and bare URLs.

Usage:
    python3 Tests/Conformance/gfm_oracle.py --program "PATH/publish render --pipeline Tests/Fixtures/gfm/oracle.yml"
"""
import argparse
import glob
import json
import os
import re
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import commonmark as runner  # noqa: E402

try:
    import cmarkgfm
    from cmarkgfm.cmark import Options
except ImportError:
    sys.exit("gfm_oracle.py: Python's cmarkgfm is not installed (make test-deps installs it: pip install cmarkgfm)")

EXTENSIONS = ["table", "strikethrough", "autolink", "tasklist"]
SEPARATOR = re.compile(r"^%%%\n", re.MULTILINE)
FRONT_MATTER = re.compile(r"\A---[ \t]*\n.*?^(?:---|\.\.\.)[ \t]*\n", re.MULTILINE | re.DOTALL)


def cmark_gfm(markdown):
    html = cmarkgfm.markdown_to_html_with_extensions(
        markdown, options=Options.CMARK_OPT_UNSAFE | Options.CMARK_OPT_FOOTNOTES, extensions=EXTENSIONS)
    return re.sub(r' align="(left|right|center)"', r' style="text-align: \1"', html)


def cases():
    for path in sorted(glob.glob(os.path.join(ROOT, "Tests", "Fixtures", "gfm", "*.md"))):
        with open(path, encoding="utf-8") as f:
            text = f.read()
        line = 1
        for part in SEPARATOR.split(text):
            yield os.path.relpath(path, ROOT), line, part
            line += part.count("\n") + 1
    site = os.path.join(ROOT, "examples", "site")
    for path in sorted(glob.glob(os.path.join(site, "_posts", "*")) + glob.glob(os.path.join(site, "*.md"))):
        with open(path, encoding="utf-8") as f:
            yield os.path.relpath(path, ROOT), 1, FRONT_MATTER.sub("", f.read(), count=1)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--program", required=True, help="reads Markdown on stdin, writes HTML")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    examples = []
    for number, (path, line, markdown) in enumerate(cases(), 1):
        examples.append({"markdown": markdown, "html": cmark_gfm(markdown), "example": number,
                         "section": path, "start_line": line, "end_line": line + markdown.count("\n")})
    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8", delete=False) as spec:
        json.dump(examples, spec, ensure_ascii=False)
    try:
        argv = ["--spec", spec.name, "--program", args.program] + (["--verbose"] if args.verbose else [])
        return runner.main(argv)
    finally:
        os.unlink(spec.name)


if __name__ == "__main__":
    sys.exit(main())
