#!/usr/bin/env python3
"""Generates terraform.yml, wholly: hand-written states plus the heredoc
states, one pair per common terminator word (the engine has no
backreferences, so a heredoc ends at its own word only when the word is
listed). The file's text is made once, when this module is imported.

Run through generate.py; on its own, `gen_terraform.py` prints the file.
"""
import common

TERMS = ["EOF", "EOT", "EOP", "EOD", "EOL", "END", "EOM", "EOS", "POLICY", "JSON",
         "YAML", "DOC", "TEXT", "SCRIPT", "USER_DATA", "USERDATA", "DATA", "TEMPLATE",
         "CONFIG", "CONF", "CMD", "SH", "BASH", "HEREDOC", "VALUE", "POL", "INPUT",
         "CUSTOM_DATA", "CLOUD_INIT", "EOC", "EOI", "EOR", "EOX", "CADDYFILE", "NGINX",
         "INI", "TOML", "XML", "HTML", "SQL", "PS1", "PY", "INIT", "EOH"]

out = []
w = out.append
w("""name: Terraform
# Terraform files, with the token classes of Rouge 3.30's terraform lexer (an
# extension of its hcl lexer): block words (resource, variable, module, ...)
# are Keyword, var and local Keyword.Declaration, other names Name.Other.
# Outside strings only = . , ( ) * and brackets are known: any other operator
# (? : ! - + > ...) is an Error, as in Rouge. "${ ... }" inside strings is a
# full expression (operators, calls, nested strings), its braces Keyword; a
# `"/` in it starts a regex literal that ends the interpolation (Rouge's
# quirk). Heredocs end at their own word for common terminators (EOF, EOT,
# POLICY, ...); any other ends at the first line of one upper-case word.
states:
  root:
    - {include: values}
    - ['.', Error]
  values:
    - {include: blank}
    - {include: literals}
    - ['\\{', Punctuation, hash]
    - ['\\[', Punctuation, array]
    - {words: [terraform, module, provider, variable, resource, data, provisioner, output], token: Keyword, next: composite}
    - {words: [var, local], token: Keyword.Declaration, next: composite}
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
    - ['\\d+\\.\\d+(?:[eE]\\d+)?[fd]?(?:[kKmMgG]b?)?', Number.Float]
    - ['\\d+(?:[kKmMgG]b?)?', Number.Integer]
    - ['"', String.Double, dq]
    - ["'", String.Single, sq]
    - ['<<-?(?=\\s*(?:''\\\\?\\w+''|\\\\?\\w))', Operator, heredoc_start]
  # labels after a block word or name, up to the block's brace
  composite:
    - {include: blank}
    - ['\\{', Punctuation, ['#pop', hash]]
    - ['\\[', Punctuation, ['#pop', array]]
    - {include: values}
    - {default: '#pop'}
  hash:
    - ['[.,()*]', Punctuation]
    - {include: blank}
    - ['=', Punctuation]
    - ['\\}', Punctuation, '#pop']
    - {include: values}
    - ['.', Error]
  array:
    - ['[.,()*]', Punctuation]
    - {include: blank}
    - [',', Punctuation]
    - [']', Punctuation, '#pop']
    - {include: values}
    - ['.', Error]
  string_common:
    - ['\\\\.', String.Escape]
    - ['\\$\\{', Keyword, interpolation]
    - ['[\\\\$]', Error]
  dq:
    - ['[^\\\\"$]+', String.Double]
    - ['"', String.Double, '#pop']
    - {include: string_common}
  sq:
    - ["[^\\\\'$]+", String.Single]
    - ["'", String.Single, '#pop']
    - {include: string_common}
  interpolation:
    - ['\\}', Keyword, '#pop']
    - ['"/', String.Delimiter, ['#pop', regex]]
    - {include: literals}
    - ['\\s+', Text]
    - ['(?:\\+\\+|--|~|&&|\\|\\||\\\\(?=\\n)|<<|>>>?|==|!=)', Operator]
    - ['[-<>+*%&|^/!=?:]=?', Operator]
    - ['[()\\[\\],.]', Punctuation]
    - {words: [terraform, module, provider, variable, resource, data, provisioner, output], suffix: '(?![\\w-])', token: Keyword}
    - {words: [var, local], suffix: '(?![\\w-])', token: Keyword.Declaration}
    - {words: [true, false, 'null'], suffix: '(?![\\w-])', token: Keyword.Constant}
    - ['[$a-zA-Z_][a-zA-Z0-9_-]*', Name.Other]
    - ['.', Error]
  # a "/.../" regex literal inside an interpolation; it replaces the
  # interpolation, so the string resumes after it
  regex:
    - ['[^"/\\\\]+', String.Regex]
    - ['\\\\.', String.Regex]
    - ['/"', String.Delimiter, '#pop']
    - ['["/]', String.Regex]
    - ['\\\\', Error]
  heredoc_start:
""")
G = "groups: [Text, String.Heredoc, String.Heredoc, Name.Constant, String.Heredoc]"
for t in TERMS + [None]:
    word = t if t else '\\w+'
    name = t if t else 'any'
    look = '(?!\\w)' if t else ''
    w(f"    - {{match: '(\\s*)('')(\\\\?)({word}){look}('')', {G}, next: ['#pop', heredoc_{name}]}}\n")
    w(f"    - {{match: '(\\s*)()(\\\\?)({word}){look}()', {G}, next: ['#pop', heredoc_{name}]}}\n")
w("""  heredoc_body:
    - ['[^$\\n]+', String.Heredoc]
    - ['\\$', String.Heredoc]
""")
for t in TERMS + [None]:
    name = t if t else 'any'
    end = t if t else '[A-Z_][A-Z0-9_]*'
    w(f"""  heredoc_{name}:
    - ['\\n', String.Heredoc, heredoc_{name}_line]
    - {{include: heredoc_body}}
  heredoc_{name}_line:
    - ['\\s*{end}[ \\t\\r\\f\\v]*\\n(?:[ \\t\\r\\f\\v]*\\n)*', Name.Constant, '#pop:2']
    - ['\\s*\\w+[ \\t\\r\\f\\v]*\\n(?:[ \\t\\r\\f\\v]*\\n)*', String.Heredoc]
    - {{default: '#pop'}}
""")
TEXT = ''.join(out)


def generate():
    return {"terraform.yml": common.header("gen_terraform.py") + TEXT}


if __name__ == "__main__":
    common.main(generate)
