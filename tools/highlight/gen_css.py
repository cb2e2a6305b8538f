#!/usr/bin/env python3
"""Generates css.yml, wholly. The word lists (which property names, value
keywords and colour names Rouge singles out; vendor prefixes) are Rouge 3.30's
own sets, kept in css_attr.txt, css_builtin.txt, css_const.txt and
css_vendor.txt; each is written into the file as a prefix tree (trie.py).
gen_sass.py uses the same lists for sass.yml and scss.yml.

Run through generate.py; on its own, `gen_css.py` prints the file.
"""
import common
from trie import trie_regex


def words(name):
    """A word list, longest words first."""
    return sorted(common.words(name), key=lambda w: (-len(w), w))


ID = r'[\p{L}_-][\w\p{L}-]*'
END = r'(?![\w\p{L}-])'


def build():
    props = trie_regex(words('css_attr.txt'))
    vendor = trie_regex(words('css_vendor.txt'))
    text = rf"""name: CSS
# Selectors outside braces, `property: value` declarations inside them.
# Property names in the list of standard CSS properties, and vendor-prefixed
# ones, are Name.Label, other properties Name.Property; in values, colour
# names are Name.Constant and keywords Name.Builtin (the lists are the ones
# Rouge uses). Each list is written as a prefix tree, `a(?:bove|uto)`, which
# matches much faster than a flat alternation of hundreds of words.
states:
  root:
    - {{include: basics}}
    - ['\{{', Punctuation, stanza]
    - ['::?{ID}', Name.Decorator]
    - ['\.{ID}', Name.Class]
    - ['#{ID}', Name.Function]
    - ['@{ID}', Keyword, atrule]
    - ['{ID}', Name.Tag]
    - ['[~^*!%&\[\]()<>|+=@:;,./?-]', Operator]
    - {{include: strings}}
    - ['[^\s]', Error]

  basics:
    - ['\s+', Text]
    - ['(?m)/\*.*?\*/', Comment]

  # note: Rouge gives "double" quoted strings String.Single and vice versa
  strings:
    - ['"(?:\\.|[^"\\])*"', String.Single]
    - ['''(?:\\.|[^''\\])*''', String.Double]

  # @media …, @font-face …, @import …;
  atrule:
    - ['\{{(?=\s*{ID}\s*:)', Punctuation, ['#pop', atstanza]]
    - ['\{{', Punctuation, ['#pop', atbody]]
    - [';', Punctuation, '#pop']
    - {{include: value}}

  atbody:
    - ['\}}', Punctuation, '#pop']
    - {{include: root}}

  atstanza:
    - ['\}}', Punctuation, '#pop']
    - {{include: stanza}}

  # inside braces: declarations
  stanza:
    - {{include: basics}}
    - ['\}}', Punctuation, '#pop']
    - match: '((?:{props}){END})(\s*)(:)'
      groups: [Name.Label, Text, Punctuation]
      next: declaration
    - {{match: '((?:{vendor})[\w\p{{L}}-]*)(\s*)(:)', groups: [Name.Label, Text, Punctuation], next: declaration}}
    - {{match: '({ID})(\s*)(:)', groups: [Name.Property, Text, Punctuation], next: declaration}}
    - ['[^\s]', Error]

  declaration:
    - [';', Punctuation, '#pop']
    - ['(?=\}})', Text, '#pop']
    - ['!\s*important\b', Comment.Preproc]
    - ['^@[^\n]*', Comment.Preproc]
    - {{include: value}}

  value:
    - {{include: basics}}
    - ['url\([^\n]*?\)', String.Other]
    - ['#[0-9a-fA-F]{{1,6}}', Number]
    - ['-?(?:\d+(?:\.\d+)?|\.\d+)(?:%|(?:em|px|pt|pc|in|mm|cm|ex|rem|ch|vw|vh|vmin|vmax|dpi|dpcm|dppx|deg|grad|rad|turn|s|ms|Hz|kHz)\b)?', Number]
    - ['[\[\]():/.,]', Punctuation]
    - {{include: strings}}
    - ['{trie_regex(words('css_const.txt'))}{END}', Name.Constant]
    - ['{trie_regex(words('css_builtin.txt'))}{END}', Name.Builtin]
    - ['{ID}', Name]
    - ['[^\s]', Error]
"""
    return text


def generate():
    return {"css.yml": common.header("gen_css.py") + build()}


if __name__ == "__main__":
    common.main(generate)
