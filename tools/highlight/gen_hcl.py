#!/usr/bin/env python3
"""Generates hcl.yml, wholly: hand-written states plus the heredoc states, one
pair per common terminator word.

Run through generate.py; on its own, `gen_hcl.py` prints the file.
"""
import common

TERMINATORS = """EOF EOT EOP EOD EOL END EOM EOS POLICY JSON YAML DOC TEXT SCRIPT USER_DATA USERDATA DATA
TEMPLATE CONFIG CONF CMD SH BASH HEREDOC VALUE POL INPUT CUSTOM_DATA CLOUD_INIT EOC EOI EOR EOX""".split()


def sq(s):
    return "'" + s.replace("'", "''") + "'"


def build():
    out = """name: hcl
# HashiCorp Configuration Language (Terraform, Nomad, Packer files), with the
# token classes of Rouge 3.30's hcl lexer: names are Name.Other, true, false
# and null constants, strings have no interpolation, `=` in a block is
# punctuation. A heredoc ends at its own word for common terminators (EOF,
# EOT, POLICY, ...); any other ends at the first line of one upper-case word.
# (The heredoc states are one pair per terminator word, alike but for it.)
states:
  root:
    - {include: values}
    - ['.', Error]
  values:
    - {include: blank}
    - {include: literals}
    - ['\\{', Punctuation, hash]
    - ['\\[', Punctuation, array]
    - {words: [true, false, 'null'], token: Keyword.Constant}
    - ['[$a-zA-Z_][a-zA-Z0-9_]*', Name.Other, composite]
  blank:
    - ['\\s+', Text]
    - ['//[^\\n]*', Comment.Single]
    - ['#[^\\n]*', Comment.Single]
    - ['/\\*', Comment.Multiline, comment]
  comment:
    - ['\\*/', Comment.Multiline, '#pop']
    - ['[^*/]+', Comment.Multiline]
    - ['[*/]', Comment.Multiline]
  literals:
    - ['[0-9]+\\.[0-9]+(?:[eE][0-9]+)?[fd]?(?:[kKmMgG]b?)?', Number.Float]
    - ['[0-9]+(?:[kKmMgG]b?)?', Number.Integer]
    - ['"', String.Double, dq]
    - ["'", String.Single, sq]
    - ['<<-?(?=\\s*''?\\\\?\\w)', Operator, heredoc_start]
  # a name followed by labels (strings, more names) up to its block or list
  composite:
    - {include: blank}
    - ['\\{', Punctuation, ['#pop', hash]]
    - ['\\[', Punctuation, ['#pop', array]]
    - {include: values}
    - {default: '#pop'}
  hash:
    - {include: blank}
    - ['=', Punctuation]
    - ['\\}', Punctuation, '#pop']
    - {include: values}
    - ['.', Error]
  array:
    - {include: blank}
    - [',', Punctuation]
    - ['\\]', Punctuation, '#pop']
    - {include: values}
    - ['.', Error]
  dq:
    - ['[^\\\\"]+', String.Double]
    - ['\\\\"', String.Escape]
    - ['"', String.Double, '#pop']
    - ['\\\\', Error]
  sq:
    - ['[^\\\\'']+', String.Single]
    - ['\\\\''', String.Escape]
    - ["'", String.Single, '#pop']
    - ['\\\\', Error]
  heredoc_start:
"""
    HD = "[Text, String.Heredoc, String.Heredoc, Name.Constant, String.Heredoc]"
    for t in TERMINATORS:
        out += "    - {match: " + sq(r"(\s*)('?)(\\?)(" + t + r")(?!\w)('?)") + ", groups: " + HD + ", next: ['#pop', heredoc_" + t + "]}\n"
    out += "    - {match: " + sq(r"(\s*)('?)(\\?)(\w+)('?)") + ", groups: " + HD + ", next: ['#pop', heredoc_any]}\n"
    out += """  heredoc_body:
    - ['[^$\\n]+', String.Heredoc]
    - ['\\$', String.Heredoc]
"""
    for t in TERMINATORS + ["any"]:
        end = t if t != "any" else "[A-Z_][A-Z0-9_]*"
        out += "  heredoc_" + t + ":\n"
        out += "    - ['\\n', String.Heredoc, heredoc_" + t + "_line]\n"
        out += "    - {include: heredoc_body}\n"
        out += "  heredoc_" + t + "_line:\n"
        out += "    - [" + sq(r"\s*" + end + r"\s*\n") + ", Name.Constant, '#pop:2']\n"
        out += "    - ['\\s*\\w+\\s*\\n', String.Heredoc]\n"
        out += "    - {default: '#pop'}\n"
    return out


def generate():
    return {"hcl.yml": common.header("gen_hcl.py") + build()}


if __name__ == "__main__":
    common.main(generate)
