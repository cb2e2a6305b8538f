#!/usr/bin/env python3
"""Generates yaml.yml, wholly: hand-written states plus the block-scalar
states, one per indentation width (bs1 ... bsK).

Run through generate.py; on its own, `gen_yaml.py` prints the file.
"""
import common

K = 40


def build():
    head = r"""name: YAML
# Block structure is handled line by line: `root` sees the start of each line
# (indentation, `- `/`? `/`: ` indicators, document markers, directives) and
# hands the rest of the line to `line`. Block scalars (`|`, `>`) remember the
# indentation of their first line by entering one state per width (bs1…bs40).
states:
  root:
    - ['\n', Text]
    - ['#[^\n]*', Comment.Single]
    - [' +(?=#|$)', Text]
    - ['^%YAML\b', Name.Tag, version]
    - ['^%TAG\b', Name.Tag, tagdirective]
    - ['^(?:---|\.\.\.)(?= |$)', Name.Namespace, line]
    - {match: '( *)([-?:])(?= |$)', groups: [Text, Punctuation.Indicator]}
    - [' +', Text]
    - ['(?=[^\s])', Text, line]

  version:
    - {match: '( +)(\d+\.\d+)', groups: [Text, Number], next: [ '#pop', rest ]}
    - {default: ['#pop', rest]}

  tagdirective:
    - {match: '( +)(!(?:[\w-]*!)?)( +)(!?[^\s]+)', groups: [Text, Keyword.Type, Text, Keyword.Type], next: ['#pop', rest]}
    - {default: ['#pop', rest]}

  rest:
    - [' +', Text]
    - ['#[^\n]*', Comment.Single]
    - ['\n', Text, '#pop']
    - ['[^\s]', Error]

  descriptors:
    - ['!<[^>\s]*>', Keyword.Type]
    - ['![\w!;/?:@&=+$,.~*''()%\[\]-]*', Keyword.Type]
    - ['&[\w\p{L}-]+', Name.Label]
    - ['\*[\w\p{L}-]+', Name.Variable]

  collections:
    - ['\[', Punctuation.Indicator, flowseq]
    - ['\{', Punctuation.Indicator, flowmap]
    - ['''', String.Single, squote]
    - ['"', String.Double, dquote]

  # the rest of a line in block context
  line:
    - [' *(?=#|$)', Text, '#pop']
    - [' +', Text]
    - {include: descriptors}
    - {match: '([^#,:?\[\]{}"''\n]+)(:)(?=\s|$)', groups: [Name.Attribute, Punctuation.Indicator]}
    - ['[|>][-+]?', Punctuation.Indicator, ['#pop', bsheader]]
    - {include: collections}
    - ['(?=[^\s?:,\[\]{}#&*!|>''"%@`]|[?:-][^\s])', Text, plain]
    - ['[^\s]', Error]

  plain:
    - [' *(?=:\s|:$)', Text, '#pop']
    - [' *:[^\s]+', String]
    - [' +(?=#)', Text, '#pop']
    - [' +$', Text]
    - [' +', String]
    - ['true|false|null', Name.Constant]
    - ['\d+(?:\.\d+)?(?=\r?\n| +#)', Number, '#pop']
    - ['[^\s:]+', String]
    - {default: '#pop'}

  flow:
    - ['\s+', Text]
    - ['#[^\n]*', Comment.Single]
    - ['[?:,]', Punctuation.Indicator]
    - {include: descriptors}
    - {include: collections}
    - ['(?=[^\s?:,\[\]{}#&*!|>''"%@`])', Text, flowplain]
    - ['[^\s]', Error]

  flowseq:
    - ['\]', Punctuation.Indicator, '#pop']
    - {include: flow}

  flowmap:
    - ['\}', Punctuation.Indicator, '#pop']
    - {include: flow}

  flowplain:
    - [' *(?=[,:?\[\]{}])', Text, '#pop']
    - [' +(?=#)', Text, '#pop']
    - ['^ +', Text]
    - [' +$', Text]
    - ['\n+', Text]
    - [' +', Name.Variable]
    - ['[^\s,:?\[\]{}]+', Name.Variable]
    - {default: '#pop'}

  quotespace:
    - ['^ +', Text]
    - [' +$', Text]
    - ['\n+', Text]
    - [' +', Name.Variable]

  squote:
    - {include: quotespace}
    - ['\\''', String.Escape]
    - ['''', String, '#pop']
    - ['[^\s'']+', String]

  dquote:
    - ['"', String, '#pop']
    - {include: quotespace}
    - ['\\[0abt\tnvfre "\\N_LP\n]', String.Escape]
    - ['\\(?:x\h{2}|u\h{4}|U\h{8})', String.Escape]
    - ['[^\s"\\]+', String]
    - ['\\', Error]

  # after `|` or `>`: indentation / chomping indicators, then the content
  bsheader:
    - ['(?:[1-9][-+]?|[-+][1-9]?)(?= |$)', Punctuation.Indicator]
    - [' +', Text]
    - ['#[^\n]*', Comment.Single]
    - ['\n', Text, ['#pop', bsfirst]]
    - ['[^\s]', Error]

  # the line that ends a block scalar: as in Rouge, `---` is not a document
  # marker here
  afterblock:
    - {match: '( *)([-?:])(?= |$)', groups: [Text, Punctuation.Indicator]}
    - [' +', Text]
    - {default: ['#pop', line]}

  bsfirst:
    - ['^ *\n', Text]
"""
    out = [head]
    for k in range(1, K + 1):
        out.append(f"    - ['^(?= {{{k}}}[^ \\n])', Text, ['#pop', bs{k}]]\n")
    out.append("    - {default: '#pop'}\n")
    for k in range(1, K + 1):
        out.append(f"""
  bs{k}:
    - ['\\n', Text]
    - ['^ +$', Text]
    - {{match: '(^ {{{k}}} *)([^\\n]+)', groups: [Text, String]}}
    - {{default: ['#pop', afterblock]}}
""")
    return ''.join(out)


def generate():
    return {"yaml.yml": common.header("gen_yaml.py") + build()}


if __name__ == "__main__":
    common.main(generate)
