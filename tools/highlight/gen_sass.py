#!/usr/bin/env python3
"""Generates sass.yml and scss.yml, wholly. They share the value, selector
and string states (SHARED below); property names and value keywords come from
CSS's word lists (css_*.txt, see gen_css.py), written as prefix trees. Sass's
comment states are one per indentation width (scomN / mcomN, N up to K).

Run through generate.py; on its own, `gen_sass.py [NAME.yml ...]` prints the files.
"""
import common
from trie import trie_regex


def words(name):
    """A word list, longest words first."""
    return sorted(common.words(name), key=lambda w: (-len(w), w))


END = r'(?![\w-])'

SHARED = rf"""
  # @-rules, `&`, and `$variable:` (both syntaxes)
  statement:
    - ['@for\b', Keyword, for]
    - ['@(?:debug|warn|if|each|while|else|return|media)', Keyword, value]
    - {{match: '(@mixin|@function)(\s+)([\w-]+)', groups: [Keyword, Text, Name.Function], next: value}}
    - ['@extend\b', Keyword, selector]
    - {{match: '(@include)(\s+)([\w-]+)', groups: [Keyword, Text, Name.Decorator], next: value}}
    - ['@[\w-]+', Keyword, selector]
    - ['&', Keyword, selector]
    - {{match: '(\$[\w-]+)([ \t]*)(:)', groups: [Name.Variable, Text, Punctuation], next: value}}

  for:
    - ['from|to|through', Operator.Word]
    - {{include: value}}

  value:
    - {{include: endsection}}
    - ['[ \t]+', Text]
    - ['\$[\w-]+', Name.Variable]
    - ['url\(', String.Other, url]
    - ['[\w-]+(?=\s*\()', Name.Function]
    - ['%[\w-]+', Name.Decorator]
    - ['(?:true|false)\b', Name.Builtin.Pseudo]
    - ['(?:and|or|not)\b', Operator.Word]
    - ['#[a-zA-Z0-9]{{1,6}}', Number.Hex]
    - ['-?\d+(?:%|[a-z]+)?', Number]
    - ['-?\d*\.\d+(?:%|[a-z]+)?', Number.Integer]
    - {{include: strings}}
    - ['#\{{', String.Interpol, interpolation]
    - ['[~^*!&%<>|+=@:,./?-]+', Operator]
    - ['[\[\]()]+', Punctuation]
    - ['{trie_regex(words('css_builtin.txt'))}{END}', Name.Builtin]
    - ['{trie_regex(words('css_const.txt'))}{END}', Name.Constant]
    - ['[\w-]+', Name]
    - ['[^\s]', Error]

  interpolation:
    - ['\}}', String.Interpol, '#pop']
    - {{include: value}}

  strings:
    - ['"', String.Double, dq]
    - ['''', String.Single, sq]

  # an unclosed string goes on past the end of the line, as in Rouge
  dq:
    - ['"', String.Double, '#pop']
    - ['#\{{', String.Interpol, interpolation]
    - ['(?:\\.|#(?!\{{)|[^\n"#\\])+', String.Double]
    - ['\\', Error]
    - ['\n', Text]

  sq:
    - ['''', String.Single, '#pop']
    - ['#\{{', String.Interpol, interpolation]
    - ['(?:\\.|#(?!\{{)|[^\n''#\\])+', String.Single]
    - ['\\', Error]
    - ['\n', Text]

  url:
    - ['\)', String.Other, '#pop']
    - ['(?:\\.|#(?!\{{)|[^\n)#\\])+', String.Other]
    - ['#\{{', String.Interpol, interpolation]
    - ['\\', Error]
    - ['\n', Text]

  selector:
    - {{include: endsection}}
    - {{include: strings}}
    - ['#\{{', String.Interpol, interpolation]
    - ['[ \t]+', Text]
    - [':', Name.Decorator, pseudo]
    - ['\.', Name.Class, class]
    - ['#', Name.Namespace, id]
    - ['%', Name.Variable, placeholder]
    - ['[\w-]+', Name.Tag]
    - ['&', Keyword]
    - ['[~^*!&\[\]()<>|+=@:;,./?-]', Operator]
    - ['[^\s]', Error]

  pseudo:
    - ['[\w-]+', Name.Decorator]
    - {{include: piece}}

  class:
    - ['[\w-]+', Name.Class]
    - {{include: piece}}

  id:
    - ['[\w-]+', Name.Namespace]
    - {{include: piece}}

  placeholder:
    - ['[\w-]+', Name.Variable]
    - {{include: piece}}

  piece:
    - ['#\{{', String.Interpol, interpolation]
    - {{default: '#pop'}}

  propname:
    - ['#\{{', String.Interpol, interpolation]
    - ['{trie_regex(words('css_attr.txt'))}{END}', Name.Label]
    - ['[\w-]+', Name.Attribute]

  attribute:
    - {{include: propname}}
    - {{match: '([ \t]*)(:)', groups: [Text, Punctuation], next: value}}
    - ['[^\s]', Error]
"""


def build():
    """(sass.yml, scss.yml)"""
    sass = r"""name: Sass
# The indented syntax: every line is a statement, a selector, or a
# `property: value`; a line ends whatever it was in (an unmatched newline
# returns the lexer to `root`). A `//` or `/*` comment goes on over the lines
# indented deeper than it, one state per indentation width (scomN / mcomN).
# Property names and value keywords use CSS's lists, as prefix trees.
states:
  root:
    - ['^[ \t]*\n', Text]
"""
    K = 24
    sass += f"    - ['^(?= {{0,{K}}}(?://|/\\*))', Text, comment]\n"
    sass += r"""    - ['[ \t]+', Text]
    - ['//[^\n]*', Comment.Single]
    - ['/\*[^\n]*\n', Comment.Multiline]
    - ['@import\b', Keyword, import]
    - {include: statement}
    - ['=[\w-]+', Name.Function, value]
    - ['\+[\w-]+', Name.Decorator, value]
    - [':', Name.Attribute, oldattr]
    - ['(?=[^\[\n]+?:(?:[^a-z]|$))', Text, attribute]
    - ['', Text, selector]

  endsection: []

  # a comment at the start of a line: its indentation picks the state
  comment:
"""
    for k in range(K + 1):
        sass += f"    - {{match: '^( {{{k}}})(//[^\\n]*)', groups: [Text, Comment.Single], next: ['#pop', scom{k}]}}\n"
        sass += f"    - {{match: '^( {{{k}}})(/\\*[^\\n]*\\n)', groups: [Text, Comment.Multiline], next: ['#pop', mcom{k}]}}\n"
    sass += r"""    - ['[ \t]*(?=/\*)', Text, ['#pop', selector]]

  import:
    - ['[ \t]+', Text]
    - ['[^\s]+', String]
    - ['\n', Text, '#pop']

  # `:property value`
  oldattr:
    - {include: propname}
    - {default: ['#pop', value]}
"""
    for k in range(K + 1):
        sass += f"""
  scom{k}:
    - ['^[ \\t]*\\n', Text]
    - {{match: '^( {{{k}}}[ \\t]+)([^\\n]*)', groups: [Text, Comment.Single]}}
    - ['\\n', Text]
    - {{default: '#pop'}}

  mcom{k}:
    - ['^[ \\t]*\\n', Text]
    - {{match: '^( {{{k}}}[ \\t]+)([^\\n]*\\n)', groups: [Text, Comment.Multiline]}}
    - {{default: '#pop'}}
"""
    sass += SHARED

    scss = r"""name: SCSS
# Statements end at `;`, `{` or `}` (back to `root`); newlines do not end them.
# A statement is an @-rule, a `$variable:`, a `property: value` (a name
# followed by `:` and not a letter, as `a:hover` is a selector) or a selector.
# Property names and value keywords use CSS's lists, as prefix trees.
states:
  root:
    - ['\s+', Text]
    - ['//[^\n]*', Comment.Single]
    - ['(?m)/\*.*?\*/', Comment.Multiline]
    - ['@import\b', Keyword, value]
    - {include: statement}
    - ['(?=[^;{}][;}])', Text, attribute]
    - ['(?=[^;{}:\[]+:[^a-z])', Text, attribute]
    - ['', Text, selector]

  endsection:
    - ['\n', Text]
    - ['[;{}]', Punctuation, '#pop:100']
""" + SHARED
    return sass, scss


def generate():
    sass, scss = build()
    header = common.header("gen_sass.py")
    return {"sass.yml": header + sass, "scss.yml": header + scss}


if __name__ == "__main__":
    common.main(generate)
