#!/usr/bin/env python3
"""Generates php.yml, wholly: the hand-written states (CORE), the keyword list
and the builtin function names (php_builtins.txt, Rouge 3.30's list, in its
order) filled into them, and the heredoc / nowdoc states, one per common name.

Run through generate.py; on its own, `gen_php.py` prints the file.
"""
import common

KEYWORDS = ("old_function cfunction __class__ __dir__ __file__ __function__ __halt_compiler __line__ "
            "__method__ __namespace__ __trait__ __CLASS__ __DIR__ __FILE__ __FUNCTION__ __LINE__ "
            "__METHOD__ __NAMESPACE__ __TRAIT__ abstract and array as break case catch clone continue "
            "declare default die do echo else elseif empty enddeclare endfor endforeach endif endswitch "
            "endwhile eval exit extends final finally fn for foreach global goto if implements include "
            "include_once instanceof insteadof isset list match new or parent print private protected "
            "public readonly require require_once return self static switch throw try unset var while "
            "xor yield").split()

CORE = r"""name: php
# PHP. Text outside `<?php ... ?>` is HTML; a block with neither tag in
# front of its code is PHP from its first character. After `function`,
# `new`, `use`, `const`, `catch` and `public`/`protected`/`private`, small
# states name what follows (parameters and their types, return types,
# classes, constants). A function is called when `(` follows its name: a
# keyword there stays one, a builtin is `nb`, anything else `nf`.
states:
  root:
    - {match: '\s*(?=<)', using: html, next: template}
    - {match: '[^$]+(?=<\?(?:[pP][hH][pP]|=))', using: html, next: template}
    - {default: php}

  template:
    - ['<\?(?:[pP][hH][pP]|=)?', Comment.Preproc, php]
    - {match: '(?m:.+?(?=<\?)|.+)', using: html}

  close:
    - ['\?>', Comment.Preproc, ['#pop:100', template]]

  space:
    - ['\s+', Text]
    - ['(?:#|//)[^\n]*', Comment.Single]
    - ['/\*\*(?!/)', Comment.Doc, doc_comment]
    - ['/\*', Comment.Multiline, comment]
  comment:
    - ['\*/', Comment.Multiline, '#pop']
    - ['[^*]+', Comment.Multiline]
    - ['\*', Comment.Multiline]
  doc_comment:
    - ['\*/', Comment.Doc, '#pop']
    - ['[^*]+', Comment.Doc]
    - ['\*', Comment.Doc]

  variables:
    - ['\$\{\$+[\p{L}_][\w\p{L}]*\}', Name.Variable]
    - ['\$+[\p{L}_][\w\p{L}]*', Name.Variable]

  values:
    - {include: heredoc_start}
    - ['(?:\d[\d_]*)?\.(?:\d[\d_]*)?(?:[eE][-+]?\d[\d_]*)?', Number.Float]
    - ['0[0-7][0-7_]*', Number.Oct]
    - ['0[bB][01][01_]*', Number.Bin]
    - ['0[xX]\h[\h_]*', Number.Hex]
    - ['\d[\d_]*', Number.Integer]
    - ['''(?:[^''\\]|\\(?m:.))*''', String.Single]
    - ['`(?:[^`\\]|\\(?m:.))*`', String.Backtick]
    - ['"', String.Double, dstring]
    - ['(?i:function|fn)\b', Keyword, [function_return, function_params, function_name]]
    - ['(?i:true|false|null)\b', Keyword.Constant]
    - ['(?i:new)\b', Keyword, new]

  php:
    - {include: close}
    - {include: space}
    - {include: variables}
    - {include: values}
    - {match: '((?i:namespace))(\s+)((?:[\p{L}_][\w\p{L}]*\\)*[\p{L}_][\w\p{L}]*)', groups: [Keyword.Namespace, Text, Name.Namespace]}
    - {match: '((?i:class|interface|trait|extends|implements))(\s+)((?:[\p{L}_][\w\p{L}]*\\)*[\p{L}_][\w\p{L}]*)', groups: [Keyword.Declaration, Text, Name.Class]}
    - {include: names}
    - ['[;,(){}\[\]]', Punctuation]
    - {include: operators}
    - ['[=?]', Operator]
    - ['.', Error]

  operators:
    - ['[-~!%^&*+|:.<>/@]+', Operator]

  names:
    - ['(?=[\p{L}_][\w\p{L}]*(?:\\[\p{L}_][\w\p{L}]*)*\s*\()', Text, call]
    - ['use\b', Keyword.Namespace, use]
    - ['const\b', Keyword, const]
    - ['catch\b', Keyword, catch]
    - ['(?:public|protected|private)\b', Keyword, visibility]
    - ['stdClass\b', Name.Class]
    - {words: [KEYWORDS], token: Keyword}
    - ['__[\w\p{L}]*__(?![\w\p{L}\\])', Name.Builtin]
    - ['(?:E|PHP)(?:_[A-Z]+)+(?![\w\p{L}\\])', Keyword.Constant]
    - ['(?:[\p{L}_][\w\p{L}]*\\)*[A-Z][A-Z0-9_]+(?![\w\p{L}\\])', Name.Constant]
    - ['(?:[\p{L}_][\w\p{L}]*\\)*[A-Z][A-Za-z0-9]*(?![\w\p{L}\\])', Name.Class]
    - ['(?:[\p{L}_][\w\p{L}]*\\)*[\p{L}_][\w\p{L}]*', Name]

  # A name followed by `(`.
  call:
    - {words: [KEYWORDS], token: Keyword, next: '#pop'}
    - {words: [BUILTINS], token: Name.Builtin, next: '#pop'}
    - ['(?:[\p{L}_][\w\p{L}]*\\)*[\p{L}_][\w\p{L}]*', Name.Function, '#pop']

  dstring:
    - ['"', String.Double, '#pop']
    - ['[^\\{$"]+', String.Double]
    - ['\\u\{\h+\}', String.Escape]
    - ['\\(?:[efrntv"$\\]|[0-7]{1,3}|[xX]\h{1,2})', String.Escape]
    - ['\$[\p{L}_][\w\p{L}]*(?:\[\S+\]|->[\p{L}_][\w\p{L}]*)?', Name.Variable]
    - ['\{\$\{', String.Interpol, interp_braces]
    - ['\{(?=\$)', String.Interpol, interp]
    - {match: '(\{)(\S+)(\})', groups: [String.Interpol, Name.Variable, String.Interpol]}
    - ['[${\\]+', String.Double]
  interp:
    - ['\}', String.Interpol, '#pop']
    - {include: php}
  interp_braces:
    - ['\}\}', String.Interpol, '#pop']
    - {include: php}

  # the value after `=` in a parameter list or a constant
  assign:
    - [',', Punctuation, '#pop']
    - ['[\[\]]', Punctuation]
    - ['\(', Punctuation, assign_call]
    - {include: close}
    - {include: space}
    - {include: values}
    - {include: variables}
    - {include: names}
    - {include: operators}
    - {default: '#pop'}
  assign_call:
    - ['\)', Punctuation, '#pop']
    - [',', Punctuation]
    - {include: assign}

  catch:
    - ['\(', Punctuation]
    - ['\|', Operator]
    - ['[\p{L}_][\w\p{L}]*', Name.Class]
    - {include: close}
    - {include: space}
    - {default: '#pop'}

  const:
    - ['[\p{L}_][\w\p{L}]*', Name.Constant]
    - ['=', Operator, assign]
    - {include: close}
    - {include: space}
    - {default: '#pop'}

  function_name:
    - ['&', Operator]
    - ['[\p{L}_][\w\p{L}]*', Name]
    - ['\(', Punctuation, '#pop']
    - {include: close}
    - {include: space}
    - {default: '#pop'}
  function_params:
    - ['\)', Punctuation, '#pop']
    - [',', Punctuation]
    - ['\.\.\.', Punctuation]
    - ['=', Operator, assign]
    - ['(?i:public|protected|private|readonly)\b', Keyword]
    - ['\??[\p{L}_][\w\p{L}]*', Keyword.Type, assign]
    - {include: close}
    - {include: space}
    - {include: variables}
    - {default: '#pop'}
  function_return:
    - [':', Punctuation]
    - ['(?i:use)\b', Keyword, function_use]
    - ['\??[\p{L}_][\w\p{L}]*', Keyword.Type, assign]
    - ['\{', Punctuation, ['#pop', function_body]]
    - {include: close}
    - {include: space}
    - {default: '#pop'}
  function_body:
    - ['\{', Punctuation, '#push']
    - ['\}', Punctuation, '#pop']
    - {include: php}
  function_use:
    - ['[,(]', Punctuation]
    - ['&', Operator]
    - ['\)', Punctuation, '#pop']
    - {include: close}
    - {include: space}
    - {include: variables}
    - {default: '#pop'}

  new:
    - ['(?i:class)\b', Keyword.Declaration, ['#pop', new_class]]
    - ['(?:[\p{L}_][\w\p{L}]*\\)*[\p{L}_][\w\p{L}]*', Name.Class, '#pop']
    - {include: close}
    - {include: space}
    - {default: '#pop'}
  new_class:
    - ['\}', Punctuation, '#pop']
    - ['\{', Punctuation]
    - {include: php}

  use:
    - ['[,}]', Punctuation]
    - ['(?i:function|const)\b', Keyword]
    - {match: '((?:[\p{L}_][\w\p{L}]*\\)+)(\{)', groups: [Name.Namespace, Punctuation]}
    - ['(?:[\p{L}_][\w\p{L}]*\\)*[\p{L}_][\w\p{L}]*(?:_[\p{L}_][\w\p{L}]*)+', Name.Function]
    - {include: close}
    - {include: space}
    - {include: names}
    - {default: '#pop'}

  visibility:
    - ['(?i:readonly|static)\b', Keyword]
    - ['(?=(?i:abstract|const|function)\b)', Text, '#pop']
    - ['\??[\p{L}_][\w\p{L}]*', Keyword.Type, '#pop']
    - {include: close}
    - {include: space}
    - {default: '#pop'}

  # Heredocs and nowdocs, whole, up to the first line that starts with the
  # name; common names have their own states, any other ALL-CAPS name ends
  # at the first line starting with an ALL-CAPS word.
  heredoc_start:
"""

HEREDOC_NAMES = ["EOT", "EOD", "EOF", "EOS", "END", "HTML", "SQL", "TEXT", "TXT", "HEREDOC", "NOWDOC",
                 "MSG", "XML", "JSON", "CSS", "JS", "CODE", "EMAIL", "BODY", "MARKDOWN", "MD"]


def wrap(words, indent):
    lines, line = [], ""
    for w in words:
        piece = w + ", "
        if len(line) + len(piece) > 100:
            lines.append(line.rstrip())
            line = ""
        line += piece
    lines.append(line.rstrip().rstrip(","))
    return ("\n" + " " * indent).join(lines)


def build():
    builtins = common.words("php_builtins.txt")
    core = CORE.replace("[KEYWORDS]", "[" + wrap(KEYWORDS, 8) + "]")
    core = core.replace("[BUILTINS]", "[" + wrap(builtins, 8) + "]")
    out = [core.rstrip("\n")]
    for name in HEREDOC_NAMES:
        out.append(f"    - ['<<<[\"'']?{name}[\"'']?\\n', String.Heredoc, heredoc_{name}]")
    out.append("    - ['<<<[\"'']?[A-Z_][A-Z0-9_]*[\"'']?\\n', String.Heredoc, heredoc_any]")
    for name in HEREDOC_NAMES + ["any"]:
        end = name if name != "any" else "[A-Z_][A-Z0-9_]*"
        out.append(f"  heredoc_{name}:")
        out.append(f"    - ['^\\s*{end};?', String.Heredoc, '#pop']")
        out.append("    - ['[^\\n]+', String.Heredoc]")
        out.append("    - ['\\n', String.Heredoc]")
    return "\n".join(out) + "\n"


def generate():
    return {"php.yml": common.header("gen_php.py") + build()}


if __name__ == "__main__":
    common.main(generate)
