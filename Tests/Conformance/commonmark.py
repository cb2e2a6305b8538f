#!/usr/bin/env python3
"""CommonMark conformance runner for `publish` (or any Markdown -> HTML filter).

Usage:
    python3 Tests/Conformance/commonmark.py --spec PATH/commonmark-0.30.json \\
        --program "PATH/TO/publish render --from commonmark --to html" \\
        [--pattern SECTION_SUBSTRING] [--verbose] [--jobs N]
    python3 Tests/Conformance/commonmark.py --self-test

Each spec example's Markdown is written (UTF-8) to the program's stdin and its
stdout is compared with the expected HTML: first byte for byte, then (if that
differs) after normalising both sides with `normalize_html`.

The normaliser follows the documented behaviour of the CommonMark spec test
runner's normalisation, written from scratch here, and is deliberately
conservative: it only makes equal renderings that an HTML5 parser would turn
into the same document (modulo insignificant whitespace):

* tag and attribute names are lower-cased, attributes are sorted by name,
  attribute values are re-quoted and re-escaped;
* void elements render the same with or without a trailing slash
  (`<br />` == `<br>`); a self-closing non-void tag (`<a/>`) stays distinct;
* character references in text and attributes are decoded and re-escaped
  consistently (`&#39;` == `'`, `&quot;` == `"`, `&gt;` == `>`, `&#x41;` == `A`),
  using HTML5 rules for numeric references;
* no semicolon-less ("legacy") references are decoded: a bare `&` that could
  start a reference (followed by a letter, digit or `#`) stays distinct from
  `&amp;` (`&copy` != `&copy;` != `&amp;copy`, `?a&b` != `?a&amp;b`), and so
  does a raw `<` in text (`a<3` != `a&lt;3`), so escaping bugs are not hidden;
  a lone `&` (`a & b`) equals `&amp;`;
* end tags carrying extra text (`</foo x>`) are kept verbatim;
* runs of HTML whitespace (space, tab, LF, CR, FF -- not U+00A0) collapse to
  one space, except inside pre, textarea, script and style (so, as in the
  spec's own runner, whitespace inside an inline <code> span *is* collapsed);
* whitespace next to block-level tags is dropped (outside pre & co.), as are
  newlines straight after `<br>`, a single newline straight after `<pre>` /
  `<textarea>` (the HTML5 parser drops it too), and leading/trailing
  whitespace of the whole document;
* CRLF / CR become LF (HTML5 input preprocessing).

Exit status: 0 when every selected example passes, 1 when any fails,
2 on usage errors (missing spec file, unknown program, ...).
"""

import argparse
import concurrent.futures
import html.entities
import html.parser
import json
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys

TIMEOUT_SECONDS = 10
FULL_FAILURE_LIMIT = 20

# ---------------------------------------------------------------------------
# HTML normalisation
# ---------------------------------------------------------------------------

BLOCK_TAGS = frozenset("""
    address article aside blockquote body button canvas caption col colgroup
    dd details dialog div dl dt embed fieldset figcaption figure footer form
    h1 h2 h3 h4 h5 h6 head header hgroup hr html iframe legend li main map menu
    nav object ol output p pre progress script section style summary table
    tbody td textarea tfoot th thead tr ul video
""".split())

VOID_TAGS = frozenset("""
    area base br col embed hr img input link meta param source track wbr
""".split())

# Elements whose whitespace is significant (no collapsing, no stripping).
PRESERVE_TAGS = frozenset(["pre", "textarea", "script", "style", "listing"])

# Elements whose content html.parser passes through unparsed (raw text).
RAWTEXT_TAGS = frozenset(["script", "style"])

# Elements after whose start tag HTML5 drops one leading newline.
LEADING_NEWLINE_TAGS = frozenset(["pre", "textarea", "listing"])

HTML_WHITESPACE = re.compile(r"[ \t\n\r\f]+")
HTML_WHITESPACE_CHARS = " \t\n\r\f"

# A complete, semicolon-terminated character reference.
CHAR_REF = re.compile(
    r"&(?:#[xX](?P<hex>[0-9a-fA-F]+)|#(?P<dec>[0-9]+)|(?P<name>[A-Za-z][A-Za-z0-9]*));")

# Makes html.parser stop only at '<' in ordinary text, so that text (including
# every '&') reaches handle_data verbatim and is decoded by _decode below.
_ONLY_LT = re.compile("<")


def _numeric_ref_char(digits, base):
    """Character for a numeric reference, following the HTML5 rules."""
    digits = digits.lstrip("0") or "0"
    if len(digits) > 8:
        return "\ufffd"
    cp = int(digits, base)
    if cp == 0 or cp > 0x10FFFF or 0xD800 <= cp <= 0xDFFF:
        return "\ufffd"
    if 0x80 <= cp <= 0x9F:
        # HTML5 maps these through windows-1252 where that defines a character.
        try:
            return bytes([cp]).decode("cp1252")
        except UnicodeDecodeError:
            return chr(cp)
    return chr(cp)


def _escape_text(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _decode(raw, in_attribute=False):
    """Canonical form of raw (undecoded) text or attribute value.

    Complete, semicolon-terminated character references are decoded and the
    result re-escaped, so every spelling of a character compares equal.  A bare
    '&' that cannot start a reference (not followed by a letter, digit or '#')
    is just an ampersand and equals '&amp;'.  A bare '&' that looks like the
    start of a reference but is not a complete one (`&copy`, `&#12x`), and in
    text a raw '<', are emitted literally: decoded characters are always
    escaped, so these never collide with '&amp;' / '&lt;' and escaping bugs
    stay visible.  (Unlike html.unescape, no semicolon-less legacy references
    are decoded.)
    """
    out = []
    pos = 0
    while pos < len(raw):
        amp = raw.find("&", pos)
        lt = -1 if in_attribute else raw.find("<", pos)
        stops = [i for i in (amp, lt) if i >= 0]
        if not stops:
            out.append(_escape_text(raw[pos:]))
            break
        stop = min(stops)
        out.append(_escape_text(raw[pos:stop]))
        if raw[stop] == "<":
            out.append("<")  # raw '<' in text: keep visibly distinct
            pos = stop + 1
            continue
        m = CHAR_REF.match(raw, stop)
        char = None
        if m:
            if m.group("hex") is not None:
                char = _numeric_ref_char(m.group("hex"), 16)
            elif m.group("dec") is not None:
                char = _numeric_ref_char(m.group("dec"), 10)
            else:
                char = html.entities.html5.get(m.group("name") + ";")
        if char is not None:
            out.append(_escape_text(char))
            pos = m.end()
        elif _AMBIGUOUS_AMP.match(raw, stop):
            out.append("&")  # looks like a reference but is not one: keep distinct
            pos = stop + 1
        else:
            out.append("&amp;")  # a plain ampersand
            pos = stop + 1
    return "".join(out)


_AMBIGUOUS_AMP = re.compile(r"&[A-Za-z0-9#]")

_PLAIN_END_TAG = re.compile(r"</[A-Za-z][^\s/>]*[ \t\n\r\f]*>")
_TAG_OPEN = re.compile(r"<[^\s/>]+")
_ATTR_NAME = re.compile(r"[^\s/>][^\s/=>]*")
_ATTR_VALUE = re.compile(r"\s*=+\s*('[^']*'|\"[^\"]*\"|[^\s>]*)")
_SPACE_OR_SLASH = re.compile(r"(?:\s|/(?!>))*")


def _raw_attributes(tag_text):
    """[(name, raw value or None)] of a start tag's source, values undecoded."""
    attrs = []
    m = _TAG_OPEN.match(tag_text)
    if not m:
        return None
    pos = _SPACE_OR_SLASH.match(tag_text, m.end()).end()
    while pos < len(tag_text) and tag_text[pos] not in "/>":
        name = _ATTR_NAME.match(tag_text, pos)
        if not name:
            return None
        pos = name.end()
        value = None
        v = _ATTR_VALUE.match(tag_text, pos)
        if v:
            value = v.group(1)
            if value[:1] in ("'", '"') and value[-1:] == value[:1] and len(value) >= 2:
                value = value[1:-1]
            pos = v.end()
        attrs.append((name.group().lower(), value))
        pos = _SPACE_OR_SLASH.match(tag_text, pos).end()
    return attrs


class _Normalizer(html.parser.HTMLParser):
    def __init__(self, source):
        self.source = source      # the whole (newline-normalised) input
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", source)]
        self.tokens = []          # list of (kind, string); kind is "text" or "markup"
        self.pending = []         # raw text chunks not yet flushed
        self.preserve = []        # stack of open whitespace-preserving elements
        self.rawtext = None       # open script/style element, if any
        self.strip_next = True    # strip leading whitespace of the next text
        self.strip_next_newlines = False  # strip leading newlines (after <br>)
        self.drop_newline = False  # drop one leading LF (after <pre>)
        super().__init__(convert_charrefs=False)

    # -- keep html.parser from interpreting '&' in ordinary text ------------
    def reset(self):
        super().reset()
        self.interesting = _ONLY_LT

    def clear_cdata_mode(self):
        super().clear_cdata_mode()
        self.interesting = _ONLY_LT

    # -- text --------------------------------------------------------------
    def handle_data(self, data):
        self.pending.append(data)

    # Only reached where html.parser itself stops at '&' (e.g. inside
    # <textarea> on newer Pythons): pass the reference on exactly as written.
    def handle_entityref(self, name):
        self.pending.append(self._raw_reference("&" + name))

    def handle_charref(self, name):
        self.pending.append(self._raw_reference("&#" + name))

    def _current_offset(self):
        """Index into self.source of the construct being handled, or -1."""
        line, col = self.getpos()
        if line > len(self.line_starts):
            return -1
        return self.line_starts[line - 1] + col

    def _raw_reference(self, text):
        start = self._current_offset()
        if start >= 0 and self.source.startswith(text, start):
            if self.source.startswith(";", start + len(text)):
                return text + ";"
            return text
        return text + ";"

    def _flush(self):
        if not self.pending:
            return
        raw = "".join(self.pending)
        self.pending = []
        if self.rawtext is not None:
            text = raw
        else:
            text = _decode(raw)
        if self.preserve:
            if self.drop_newline and text.startswith("\n"):
                text = text[1:]
        else:
            if self.strip_next_newlines:
                text = text.lstrip("\n")
            text = HTML_WHITESPACE.sub(" ", text)
            if self.strip_next:
                text = text.lstrip(HTML_WHITESPACE_CHARS)
        self.strip_next = False
        self.strip_next_newlines = False
        self.drop_newline = False
        if text:
            self.tokens.append(("text", text))

    def _strip_trailing_text(self):
        if self.tokens and self.tokens[-1][0] == "text":
            text = self.tokens[-1][1].rstrip(HTML_WHITESPACE_CHARS)
            if text:
                self.tokens[-1] = ("text", text)
            else:
                self.tokens.pop()

    def _markup(self, s):
        self._flush()
        self.strip_next = False
        self.strip_next_newlines = False
        self.drop_newline = False
        self.tokens.append(("markup", s))

    # -- tags --------------------------------------------------------------
    def _attributes(self, attrs):
        """Canonical (name, value) pairs, sorted by name.

        Values are taken undecoded from the tag's source and decoded by _decode
        (html.parser's own decoding is lenient about missing semicolons).  If
        the source cannot be matched up with html.parser's view of the tag,
        html.parser's decoded values are used instead.
        """
        raw = _raw_attributes(self.get_starttag_text() or "")
        if raw is not None and [n for n, _ in raw] == [n for n, _ in attrs]:
            pairs = [(n, _decode(v or "", in_attribute=True)) for n, v in raw]
        else:
            pairs = [(n, _escape_text(v or "")) for n, v in attrs]
        # Values are now escaped for '&', '<', '>'; make quoting uniform too.
        return sorted(((n, v.replace('"', "&quot;")) for n, v in pairs),
                      key=lambda a: a[0])

    def _render_start(self, tag, attrs, self_closing=False):
        parts = [tag]
        for name, value in self._attributes(attrs):
            parts.append('%s="%s"' % (name, value))
        return "<%s%s>" % (" ".join(parts), " /" if self_closing else "")

    def _start(self, tag, attrs, self_closing):
        tag = tag.lower()
        self._flush()
        block = tag in BLOCK_TAGS
        if block and not self.preserve:
            self._strip_trailing_text()
        void = tag in VOID_TAGS
        self._markup(self._render_start(tag, attrs, self_closing and not void))
        if not self_closing and not void:
            if tag in PRESERVE_TAGS:
                self.preserve.append(tag)
            if tag in RAWTEXT_TAGS:
                self.rawtext = tag
            if tag in LEADING_NEWLINE_TAGS:
                self.drop_newline = True
        if block and not self.preserve:
            self.strip_next = True
        if tag == "br" and not self.preserve:
            self.strip_next_newlines = True

    def handle_starttag(self, tag, attrs):
        self._start(tag, attrs, False)

    def handle_startendtag(self, tag, attrs):
        self._start(tag, attrs, True)

    def _render_end(self, tag):
        """`</tag>`, or the verbatim source if the end tag carries extra text
        (html.parser would silently drop e.g. the ` x` of `</foo x>`)."""
        start = self._current_offset()
        if 0 <= start and self.source.startswith("</", start):
            end = self.source.find(">", start)
            if end >= 0:
                raw = self.source[start:end + 1]
                if not _PLAIN_END_TAG.fullmatch(raw):
                    return raw
        return "</%s>" % tag

    def handle_endtag(self, tag):
        tag = tag.lower()
        self._flush()
        block = tag in BLOCK_TAGS
        if block and not self.preserve:
            self._strip_trailing_text()
        self._markup(self._render_end(tag))
        if tag in PRESERVE_TAGS and tag in self.preserve:
            while self.preserve:
                if self.preserve.pop() == tag:
                    break
        if tag == self.rawtext:
            self.rawtext = None
        if block and not self.preserve:
            self.strip_next = True

    # -- everything else is kept verbatim ------------------------------------
    def handle_comment(self, data):
        self._markup("<!--%s-->" % data)

    def handle_decl(self, decl):
        self._markup("<!%s>" % decl)

    def handle_pi(self, data):
        self._markup("<?%s>" % data)

    def unknown_decl(self, data):
        self._markup("<![%s]>" % data)

    def result(self):
        self.close()
        # html.parser keeps back the content of an unclosed script/style at
        # end of input; it must still take part in the comparison.
        if self.rawdata:
            self.pending.append(self.rawdata)
            self.rawdata = ""
        self._flush()
        if not self.preserve:
            self._strip_trailing_text()
        return "".join(s for _, s in self.tokens)


def normalize_html(text):
    """Return the canonical form of an HTML fragment (see module docstring)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    parser = _Normalizer(text)
    parser.feed(text)
    return parser.result()


def html_equivalent(expected, actual):
    """(equal, note) for two HTML strings; never raises."""
    if expected == actual:
        return True, None
    try:
        return normalize_html(expected) == normalize_html(actual), None
    except Exception as exc:  # a parser crash must not count as a pass
        return False, "HTML normaliser raised %s: %s" % (type(exc).__name__, exc)


# ---------------------------------------------------------------------------
# Self-test of the normaliser
# ---------------------------------------------------------------------------

SELF_TEST_EQUAL = [
    ("<p>it's</p>", "<p>it&#39;s</p>"),
    ("<p>&quot;x&quot;</p>", '<p>"x"</p>'),
    ("<p>a &gt; b</p>", "<p>a > b</p>"),
    ("<p>&#x41;&#66;</p>", "<p>AB</p>"),
    ("<p>&amp;</p>", "<p>&#38;</p>"),
    ("<p>&copy;</p>", "<p>\u00a9</p>"),
    ("<p>a<br />\nb</p>", "<p>a<br>b</p>"),
    ("<hr />", "<HR>"),
    ('<img src="a" alt="b" />', "<img alt='b' src=a>"),
    ('<a title="t" href="/u">x</a>', "<a href='/u' title=\"t\">x</a>"),
    ('<a href="a&amp;b">x</a>', '<a href="a&#38;b">x</a>'),
    ('<a title="&quot;">x</a>', "<a title='\"'>x</a>"),
    ("<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n", "<ul><li>a</li><li>b</li></ul>"),
    ("<p>a  \n  b</p>\n", "<p>a b</p>"),
    ("<blockquote>\n<p>x</p>\n</blockquote>", "<blockquote><p>x</p></blockquote>"),
    ("<P>x</P>", "<p>x</p>"),
    ("<p>x</p >", "<p>x</p>"),
    ("<p>a</p>\r\n<pre><code>b\r\n</code></pre>", "<p>a</p>\n<pre><code>b\n</code></pre>"),
    ("<pre>\nx</pre>", "<pre>x</pre>"),
    ("<p>&#0;</p>", "<p>\ufffd</p>"),
    ("<p>a &amp; b &amp;</p>", "<p>a & b &</p>"),                # plain ampersands
    ('<a href="?a=1&amp;=2">x</a>', '<a href="?a=1&=2">x</a>'),
    ("", "\n"),
]

SELF_TEST_DIFFERENT = [
    ("<p>foo</p>", "<p>bar</p>"),                                  # text
    ("<p>Foo</p>", "<p>foo</p>"),                                  # text case
    ("<p>foo</p>", "<div>foo</div>"),                              # element
    ("<p><em><strong>a</strong></em></p>", "<p><strong><em>a</em></strong></p>"),  # nesting
    ("<p><em>a</em>b</p>", "<p><em>ab</em></p>"),                  # nesting
    ("<p>a</p><p>b</p>", "<p>a b</p>"),                            # structure
    ("<p>a</p>", "<p>a</p><p></p>"),                               # extra element
    ("<pre><code>a  b\n</code></pre>", "<pre><code>a b\n</code></pre>"),  # pre spaces
    ("<pre><code>a\n</code></pre>", "<pre><code>a</code></pre>"),  # pre newline
    ("<pre><code>a\nb</code></pre>", "<pre><code>a b</code></pre>"),
    ("<pre>\n\nx</pre>", "<pre>x</pre>"),
    ("<textarea>a  b</textarea>", "<textarea>a b</textarea>"),
    ("<script>a\n b</script>", "<script>a b</script>"),
    ("<style>a", "<style>b"),                                      # unclosed raw text
    ("<p>a <em>b</em></p>", "<p>a<em> b</em></p>"),                # inline whitespace
    ("<p>a b</p>", "<p>ab</p>"),
    ("<p>&nbsp;</p>", "<p> </p>"),                                 # nbsp is not whitespace
    ("<p>&lt;b&gt;</p>", "<p><b></p>"),                            # escaped vs markup
    ("<p>a&lt;3</p>", "<p>a<3</p>"),                               # raw '<' in text
    ("<p>&amp;copy</p>", "<p>&copy</p>"),                          # bare '&' in text
    ("<p>&copy</p>", "<p>&copy;</p>"),
    ("<p>&amp;x</p>", "<p>&x</p>"),
    ('<a title="&quot;b">x</a>', '<a title="&quotb">x</a>'),       # no legacy refs
    ('<a href="&ouml;.html">x</a>', '<a href="&ouml.html">x</a>'),
    ('<a href="&amp;copy">x</a>', '<a href="&copy">x</a>'),
    ('<a href="?a=1&amp;b=2">x</a>', '<a href="?a=1&b=2">x</a>'),  # could start a ref
    ("<p>&#1;</p>", "<p></p>"),
    ("<p>&#128;</p>", "<p>\u0080</p>"),
    ('<a href="x">y</a>', '<a href="X">y</a>'),                    # attribute value
    ('<a href="x">y</a>', '<a href="x" title="">y</a>'),           # extra attribute
    ('<a href="x">y</a>', "<a>y</a>"),
    ("<p><!-- a --></p>", "<p><!-- b --></p>"),                     # comments
    ("<p>x<br />y</p>", "<p>x y</p>"),
    ("<p>x <br />y</p>", "<p>x<br />y</p>"),
    ("<p></foo ></p>", "<p></foo x></p>"),                         # junk in end tag
]


def self_test():
    passed = failed = 0
    for a, b in SELF_TEST_EQUAL:
        ok, note = html_equivalent(a, b)
        if ok and html_equivalent(b, a)[0]:
            passed += 1
        else:
            failed += 1
            print("self-test FAIL: expected equal:\n  %r -> %r\n  %r -> %r%s" % (
                a, _safe_normalize(a), b, _safe_normalize(b),
                "\n  " + note if note else ""))
    for a, b in SELF_TEST_DIFFERENT:
        if not html_equivalent(a, b)[0] and not html_equivalent(b, a)[0]:
            passed += 1
        else:
            failed += 1
            print("self-test FAIL: expected different:\n  %r -> %r\n  %r -> %r" % (
                a, _safe_normalize(a), b, _safe_normalize(b)))
    print("%d passed, %d failed" % (passed, failed))
    return 0 if failed == 0 else 1


def _safe_normalize(s):
    try:
        return normalize_html(s)
    except Exception as exc:
        return "<normaliser raised %s: %s>" % (type(exc).__name__, exc)


# ---------------------------------------------------------------------------
# Running the program under test
# ---------------------------------------------------------------------------

class Result:
    __slots__ = ("example", "passed", "normalised", "actual", "reason")

    def __init__(self, example, passed, normalised=False, actual=None, reason=None):
        self.example = example
        self.passed = passed
        self.normalised = normalised  # passed only after normalisation
        self.actual = actual          # bytes or None
        self.reason = reason


def _kill(proc):
    try:
        if hasattr(os, "killpg"):
            os.killpg(proc.pid, signal.SIGKILL)
        else:
            proc.kill()
    except (ProcessLookupError, PermissionError, OSError):
        try:
            proc.kill()
        except OSError:
            pass


def _signal_name(num):
    try:
        return signal.Signals(num).name
    except ValueError:
        return "signal %d" % num


def run_example(argv, example):
    markdown = example["markdown"].encode("utf-8")
    try:
        proc = subprocess.Popen(
            argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, start_new_session=True)
    except OSError as exc:
        return Result(example, False, reason="could not start program: %s" % exc)
    try:
        out, err = proc.communicate(markdown, timeout=TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        _kill(proc)
        try:
            out, err = proc.communicate(timeout=5)
        except subprocess.TimeoutExpired:
            out, err = b"", b""
        return Result(example, False, actual=out,
                      reason="timed out after %d s" % TIMEOUT_SECONDS)
    if proc.returncode != 0:
        if proc.returncode < 0:
            why = "killed by %s" % _signal_name(-proc.returncode)
        else:
            why = "exited with status %d" % proc.returncode
        err_text = err.decode("utf-8", "backslashreplace").strip()
        if err_text:
            if len(err_text) > 2000:
                err_text = "..." + err_text[-2000:]
            why += "; stderr: %s" % err_text
        return Result(example, False, actual=out, reason=why)

    expected = example["html"]
    if out == expected.encode("utf-8"):
        return Result(example, True, actual=out)
    try:
        actual_text = out.decode("utf-8")
    except UnicodeDecodeError as exc:
        return Result(example, False, actual=out,
                      reason="output is not valid UTF-8 (%s)" % exc)
    equal, note = html_equivalent(expected, actual_text)
    return Result(example, equal, normalised=equal, actual=out, reason=note)


def _describe(example):
    return "example %d (%s, spec lines %d-%d)" % (
        example["example"], example["section"],
        example["start_line"], example["end_line"])


def _print_failure(result, full):
    ex = result.example
    print("%s: FAIL" % _describe(ex))
    if result.reason:
        print("  reason:   %s" % result.reason)
    if not full:
        return
    actual = result.actual if result.actual is not None else b""
    print("  markdown: %r" % ex["markdown"])
    print("  expected: %r" % ex["html"])
    print("  actual:   %r" % actual.decode("utf-8", "backslashreplace"))
    print()


def _usage_error(message):
    print("commonmark.py: error: %s" % message, file=sys.stderr)
    return 2


def _load_spec(path):
    if not os.path.isfile(path):
        raise ValueError("spec file not found: %s" % path)
    try:
        with open(path, "r", encoding="utf-8") as f:
            data = json.load(f)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError("cannot read spec file %s: %s" % (path, exc))
    keys = ("markdown", "html", "example", "section", "start_line", "end_line")
    if not isinstance(data, list) or not all(
            isinstance(e, dict) and all(k in e for k in keys) for e in data):
        raise ValueError("spec file %s is not a list of {%s} objects"
                         % (path, ", ".join(keys)))
    return data


def _resolve_program(program):
    try:
        argv = shlex.split(program)
    except ValueError as exc:
        raise ValueError("cannot parse --program %r: %s" % (program, exc))
    if not argv:
        raise ValueError("--program is empty")
    exe = argv[0]
    if os.sep in exe or (os.altsep and os.altsep in exe):
        if not (os.path.isfile(exe) and os.access(exe, os.X_OK)):
            raise ValueError("program not found or not executable: %s" % exe)
    elif shutil.which(exe) is None:
        raise ValueError("program not found on PATH: %s" % exe)
    return argv


def main(argv=None):
    try:
        sys.stdout.reconfigure(errors="backslashreplace")
    except (AttributeError, ValueError):
        pass
    parser = argparse.ArgumentParser(
        description="Run the CommonMark spec examples against a Markdown-to-HTML program.")
    parser.add_argument("--spec", metavar="PATH",
                        help="spec examples as JSON (e.g. commonmark-0.30.json)")
    parser.add_argument("--program", metavar="CMD",
                        help="command line reading Markdown on stdin and writing HTML "
                             "to stdout (split with shlex)")
    parser.add_argument("--pattern", metavar="SECTION_SUBSTRING",
                        help="only run examples whose section contains this "
                             "(case-insensitive)")
    parser.add_argument("--verbose", action="store_true",
                        help="show every failure in full (default: first %d)"
                             % FULL_FAILURE_LIMIT)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, metavar="N",
                        help="examples to run concurrently (default: CPU count)")
    parser.add_argument("--self-test", action="store_true",
                        help="check the HTML normaliser and exit")
    args = parser.parse_args(argv)

    if args.self_test:
        return self_test()
    if not args.spec:
        return _usage_error("--spec is required")
    if not args.program:
        return _usage_error("--program is required")
    if args.jobs < 1:
        return _usage_error("--jobs must be at least 1")
    try:
        examples = _load_spec(args.spec)
        program = _resolve_program(args.program)
    except ValueError as exc:
        return _usage_error(str(exc))
    if args.pattern is not None:
        needle = args.pattern.lower()
        examples = [e for e in examples if needle in e["section"].lower()]
        if not examples:
            return _usage_error("no example's section contains %r" % args.pattern)
    examples.sort(key=lambda e: e["example"])

    passed = failed = normalised = 0
    sections = {}  # section -> [passed, total], in spec order
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        for result in pool.map(lambda e: run_example(program, e), examples):
            stats = sections.setdefault(result.example["section"], [0, 0])
            stats[1] += 1
            if result.passed:
                passed += 1
                stats[0] += 1
                if result.normalised:
                    normalised += 1
            else:
                failed += 1
                _print_failure(result, args.verbose or failed <= FULL_FAILURE_LIMIT)
            sys.stdout.flush()

    if failed > FULL_FAILURE_LIMIT and not args.verbose:
        print("(only the first %d failures are shown in full; use --verbose for all)"
              % FULL_FAILURE_LIMIT)
    failing = [(s, st) for s, st in sections.items() if st[0] < st[1]]
    if failing:
        print()
        width = max(len(s) for s, _ in failing)
        print("%-*s  passed/total" % (width, "section"))
        for section, (ok, total) in failing:
            print("%-*s  %d/%d" % (width, section, ok, total))
        print()
    if normalised:
        print("(%d of the passing examples matched only after HTML normalisation)"
              % normalised)
    print("%d passed, %d failed" % (passed, failed))
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    try:
        status = main()
        sys.stdout.flush()
    except BrokenPipeError:
        # Output piped into e.g. `head`: stop quietly, still reporting failure.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        status = 1
    sys.exit(status)
