#!/usr/bin/env python3
"""Generates markdown.yml, wholly. Fenced code blocks are lexed with the lexer
their info string names (the names Rouge knows for each of publish's lexers,
kept in md_names.txt as `FILE: NAME ...`); a name Rouge does not know leaves
the code String.Backtick, no name leaves it plain. Without backreferences, a
closing fence must be spelled out: one rule per (indentation, fence) pair.

Run through generate.py; on its own, `gen_markdown.py` prints the file.
"""
import re

import common

langs = []
for line in common.data('md_names.txt').splitlines():
    file, names = line.split(':', 1)
    langs.append((file.strip(), names.split()))

NL = '\\n'
TAB = '\\t'
E = r'(?:\\.|[^\\\n])'   # one character of a line, a backslash escape as one


def q(s):  # YAML single-quoted
    return "'" + s.replace("'", "''") + "'"


fences = []
for indent in ['', '  ', '   ', '    ']:
    for fence in ['````', '```', '~~~']:
        fences.append((indent, fence))


def build():
    out = [r"""name: Markdown
# Block constructs are recognised at the start of a line (headings, fences,
# lists, quotes, reference definitions), inline ones anywhere (code, links,
# emphasis, autolinks, inline HTML lexed as HTML). A fenced block is lexed
# with the lexer its info string names; without backreferences the closing
# fence is spelled out, one rule per (indentation, fence, language) in
# `fenced`. A name Rouge does not know leaves the code String.Backtick; no
# name leaves it plain. A `---` … `---` stretch is YAML front matter wherever
# a token starts with it, as in Rouge.
states:
  root:
    - {match: '(?m:---\s*\n.*?\n?^---\s*$\n?)', using: yaml}
    - ['\\.', String.Escape]
    - ['^[^\t\n\r\f\v]+\n---*\n', Generic.Heading]
    - ['^[^\t\n\r\f\v]+\n===*\n', Generic.Subheading]
    - ['^#(?=[^#])[^\n]*', Generic.Heading]
    - ['^#+[^\n]*', Generic.Subheading]
    - ['^(?=[ \t]*(?:```|~~~)[^\n]*\n)', Text, fenced]
    - ['\n\n(?:(?:    |\t)[^\n]*\n|\n)+', String.Backtick]
"""]
    for n in (3, 2, 1):
        t = '`' * n
        pat = q(t + '(?:' + E + '|' + NL + ')+?' + t)
        out.append(f"    - [{pat}, String.Backtick]\n")
    CODE_POP = ''.join(
        f"    - [{q('`' * n + '(?:' + E + '|' + NL + ')+?' + '`' * n)}, String.Backtick, '#pop']\n" for n in (3, 2, 1))
    out.append(rf"""    # (a blank line before these is part of the token, as in Rouge)
    - ['^\s*\*(?:\s*\*){{2,}}\s*$', Punctuation]
    - ['^\s*-(?:\s*-){{2,}}\s*$', Punctuation]
    - ['^\s*[*+-](?=\s)', Punctuation]
    - ['^\s*\d+\.', Punctuation]
    - ['^\s*>[^\n]*', Generic.Traceback]
    - match: '^(\s*)(\[)({E}+?)(\])([ \t]*)(:)'
      groups: [Text, Punctuation, String.Symbol, Punctuation, Text, Punctuation]
      next: [reftitle, refurl]
    - match: '(!?\[)({E}*?|[^\]]*?)(\])(?=[\[(])'
      groups: [Punctuation, Name.Variable, Punctuation]
      next: link
    - ['\*\*{E}*?\*\*', Generic.Strong]
    - ['__{E}*?__', Generic.Strong]
    - ['\*{E}*?\*', Generic.Emph]
    - ['_{E}*?_', Generic.Emph]
    # a `<` with no `>` after it on its line: neither autolinks nor inline
    # HTML can start there or later on the line, so stop looking (saves
    # scanning to the end of the line at each `<`)
    - ['<(?=[^>\n]*$)', Text, nogt]
    - ['<[^\n]*?@[^\n]+\.[^\n]+>', Name.Variable]
    - ['<(?:https?|mailto|ftp)://{E}*?>', Name.Variable]
    - ['[^\\`\[*\n&<]+', Text]
    - {{match: '&[^\s]*;', using: html}}
    - {{match: '<{E}*?>', using: html}}
    - ['[&<\[\n]', Text]
    - ['[^\s]', Error]

  # the rest of a line that has no `>`; a token that may go on past the end
  # of the line returns to root
  nogt:
    - ['(?=\n)', Text, '#pop']
    - {{match: '(?m:---\s*\n.*?\n?^---\s*$\n?)', using: yaml, next: '#pop'}}
    - ['\\.', String.Escape]
{CODE_POP}    - match: '(!?\[)({E}*?|[^\]]*?)(\])(?=[\[(])'
      groups: [Punctuation, Name.Variable, Punctuation]
      next: ['#pop', link]
    - ['\*\*{E}*?\*\*', Generic.Strong]
    - ['__{E}*?__', Generic.Strong]
    - ['\*{E}*?\*', Generic.Emph]
    - ['_{E}*?_', Generic.Emph]
    - ['[^\\`\[*\n&<]+', Text]
    - {{match: '&[^\s]*;', using: html}}
    - ['[&<\[]', Text]
    - ['[^\s]', Error]

  # [text][ref] or [text](url "title")
  link:
    - {{match: '(\[)({E}*?)(\])', groups: [Punctuation, String.Symbol, Punctuation], next: '#pop'}}
    - ['\(', Punctuation, [inlinetitle, inlineurl]]
    - ['[ \t]+', Text]
    - {{default: '#pop'}}

  refurl:
    - ['[ \t]+', Text]
    - {{match: '(<)({E}*?)(>)', groups: [Name.Tag, String.Other, Name.Tag], next: '#pop'}}
    - ['[^\s]+', String.Other, '#pop']

  reftitle:
    - ['"{E}*?"', Name.Namespace]
    - ['''{E}*?''', Name.Namespace]
    - ['\({E}*?\)', Name.Namespace]
    - ['\s*(?=["''()])', Text]
    - {{default: '#pop'}}

  inlinetitle:
    - ['\)', Punctuation, '#pop']
    - {{include: reftitle}}

  inlineurl:
    - ['[^<\s)]+', String.Other, '#pop']
    - ['\s+', Text]
    - {{include: refurl}}

  # at a line opening a fenced block
  fenced:
""")
    for indent, fence in fences:
        f = re.escape(fence) if fence[0] != '`' else fence
        op = f"^({indent})({fence})(?![`~])"
        close = f"(\\n{indent})({fence})"
        for file, names in langs:
            alts = '|'.join(re.escape(n).replace('\\ ', ' ') for n in sorted(names, key=lambda n: -len(n)))
            content = 'Text' if file == 'plaintext' else f'using:{file}'
            pat = q(op + '([ ' + TAB + ']*(?:' + alts + ')[ ' + TAB + ']*' + NL + ')((?m:.*?))' + close)
            out.append(f"    - match: {pat}\n"
                       f"      groups: [Text, Punctuation, Name.Label, {q(content)}, Text, Punctuation]\n"
                       f"      next: '#pop'\n")
        pat = q(op + '([ ' + TAB + ']*' + NL + ')((?m:.*?))' + close)
        out.append(f"    - match: {pat}\n"
                   f"      groups: [Text, Punctuation, Name.Label, Text, Text, Punctuation]\n"
                   f"      next: '#pop'\n")
        pat = q(op + '([^' + NL + ']*' + NL + ')((?m:.*?))' + close)
        out.append(f"    - match: {pat}\n"
                   f"      groups: [Text, Punctuation, Name.Label, String.Backtick, Text, Punctuation]\n"
                   f"      next: '#pop'\n")
    # a fence that is never closed: the rest of the text is the code
    anyfence = "^([ " + TAB + "]*)(`{3,}|~{3,})"
    for file, names in langs:
        alts = '|'.join(re.escape(n).replace('\\ ', ' ') for n in sorted(names, key=lambda n: -len(n)))
        content = 'Text' if file == 'plaintext' else f'using:{file}'
        pat = q(anyfence + '([ ' + TAB + ']*(?:' + alts + ')[ ' + TAB + ']*' + NL + ')((?m:.*))')
        out.append(f"    - match: {pat}\n"
                   f"      groups: [Text, Punctuation, Name.Label, {q(content)}]\n"
                   f"      next: '#pop'\n")
    pat = q(anyfence + '([ ' + TAB + ']*' + NL + ')((?m:.*))')
    out.append(f"    - match: {pat}\n      groups: [Text, Punctuation, Name.Label, Text]\n      next: '#pop'\n")
    pat = q(anyfence + '([^' + NL + ']*' + NL + ')((?m:.*))')
    out.append(f"    - match: {pat}\n      groups: [Text, Punctuation, Name.Label, String.Backtick]\n      next: '#pop'\n")
    out.append(r"""    # a fence line at the very end
    - match: '^([ \t]*)(`{3,}|~{3,})([^\n]*\n)'
      groups: [Text, Punctuation, Name.Label]
      next: '#pop'
""")
    return ''.join(out)


def generate():
    return {"markdown.yml": common.header("gen_markdown.py") + build()}


if __name__ == "__main__":
    common.main(generate)
