#!/usr/bin/env python3
"""Generates lua.yml, wholly: the hand-written states (CORE) with Rouge 3.30's
builtin names filled in (lua_builtins.txt: plain names, then `module.field`
names, which become one alternation grouped by module), and the long
comment / long string states for levels 0 to 3 (`[[`, `[=[`, ...).

Run through generate.py; on its own, `gen_lua.py` prints the file.
"""
from collections import defaultdict

import common

CORE = r"""name: lua
# Lua. A name with one `.field` is looked up whole (`string.format` is a
# builtin); `gsub(...)`'s double-quoted arguments are patterns.
states:
  root:
    - ['#![^\n]*', Comment.Preproc, code]
    - {default: code}

  code:
    - ['--\[\[', Comment.Multiline, long_comment0]
    - ['--\[=\[', Comment.Multiline, long_comment1]
    - ['--\[==\[', Comment.Multiline, long_comment2]
    - ['--\[===\[', Comment.Multiline, long_comment3]
    - ['--[^\n]*', Comment.Single]
    # a float wants a quote after it (so `3.14` is 3, ., 14)
    - ['(?:\d*\.\d+|\d+\.\d*)(?:[eE][-+]?\d+)?''', Number.Float]
    - ['\d+[eE][-+]?\d+', Number.Float]
    - ['0[xX]\h*', Number.Hex]
    - ['\d+', Number.Integer]
    - ['\s', Text]
    - ['\[\[', String, long_string0]
    - ['\[=\[', String, long_string1]
    - ['\[==\[', String, long_string2]
    - ['\[===\[', String, long_string3]
    - ['==|~=|<=|>=|\.\.\.?|[-=+*/%^<>#]', Operator]
    - ['[\[\]{}().,:;]', Punctuation]
    - {words: [and, or, not], token: Operator.Word}
    - {words: [break, do, else, elseif, end, for, if, in, repeat, return, then, until, while], token: Keyword}
    - {words: [local], token: Keyword.Declaration}
    - {words: ['true', 'false', nil], token: Keyword.Constant}
    - ['function\b', Keyword, function_name]
    - [DOTTED, Name.Builtin]
    - {match: '([A-Za-z_]\w*)(\.)([A-Za-z_]\w*)', groups: [Name, Punctuation, Name]}
    - ['gsub\b', Name.Builtin, gsub]
    - {words: [PLAIN], token: Name.Builtin}
    - ['[A-Za-z_]\w*', Name]
    - ['''', String.Single, single]
    - ['"', String.Double, double]
    - ['.', Error]

  function_name:
    - ['\s+', Text]
    - {match: '(?:([A-Za-z_]\w*)(\.))?([A-Za-z_]\w*)', groups: [Name.Class, Punctuation, Name.Function], next: '#pop'}
    - ['\(', Punctuation, '#pop']
    - ['.', Error]

  # An escape counts only where a run of text would start.
  escape:
    - ['\\(?:[abfnrtv\\"'']|\d{1,3})', String.Escape]
  single:
    - {include: escape}
    - ['''', String.Single, '#pop']
    - ['[^'']+', String.Single]
  double:
    - {include: escape}
    - ['"', String.Double, '#pop']
    - ['[^"]+', String.Double]

  gsub:
    - ['\)', Punctuation, '#pop']
    - ['[(,]', Punctuation]
    - ['\s+', Text]
    - ['"', String.Regex, pattern]
    - ['.', Error]
  pattern:
    - ['"\$*', String.Regex, '#pop']
    - ['\[\^?', String.Escape, pattern_set]
    - ['\\.', String.Escape]
    - ['\(\?[:=<!]', String.Escape]
    - ['\{[\d,]+\}', String.Escape]
    - ['[()?]', String.Escape]
    - ['.', String.Regex]
    - ['\n', Error]
  pattern_set:
    - ['/', String.Escape]
    - ['\]', String.Escape, '#pop']
    - {match: '(\\)(.)', groups: [String.Escape, String.Regex]}
    - ['.', String.Regex]
    - ['\n', Error]
"""


def build():
    names = common.words("lua_builtins.txt")
    b = {"plain": [n for n in names if "." not in n], "dotted": [n for n in names if "." in n]}
    groups = defaultdict(list)
    for name in b["dotted"]:
        mod, field = name.split(".")
        groups[mod].append(field)
    alts = "|".join(f"{mod}\\.(?:{'|'.join(sorted(fields, key=lambda f: -len(f)))})" for mod, fields in groups.items())
    core = CORE.replace("[DOTTED, Name.Builtin]", f"['(?:{alts})\\b', Name.Builtin]")
    core = core.replace("[PLAIN]", "[" + ", ".join(b["plain"]) + "]")
    out = [core.rstrip("\n")]
    for level in range(4):
        eq = "=" * level
        for kind, tok in (("long_comment", "Comment.Multiline"), ("long_string", "String")):
            out.append(f"  {kind}{level}:")
            out.append(f"    - ['\\]{eq}\\]', {tok}, '#pop']")
            out.append(f"    - ['[^\\]]+', {tok}]")
            out.append(f"    - ['\\]', {tok}]")
    return "\n".join(out) + "\n"


def generate():
    return {"lua.yml": common.header("gen_lua.py") + build()}


if __name__ == "__main__":
    common.main(generate)
