#!/usr/bin/env python3
"""Generates ruby.yml, wholly: the hand-written states (CORE) plus the
heredoc states (one per common terminator name, and one per name shape) and
the %-literal states (one per kind and delimiter).

Run through generate.py; on its own, `gen_ruby.py` prints the file.
"""
import common

CORE = r"""name: ruby
# Ruby. The stack mirrors Ruby's own ambiguity: after an operator, keyword,
# comma or line start an operand is expected (`expr`: `/` opens a regex, `?x`
# is a character, `%w[...]` a literal); right after a name a `/` divides, and
# after a name plus spaces `/x` and `%w(` open literals again (`after_name`).
# Heredoc bodies need their terminator's name (patterns have no
# backreferences), so common names get their own states; any other name ends
# at the first line holding just a name of its shape (ALL_CAPS, Capitalized,
# or lowercase other than a keyword such as `end`).
states:
  root:
    - {default: [code, expr]}

  code:
    - ['[ \t\r]+', Text]
    - ['\n\s*', Text, expr]
    - ['#[^\n]*', Comment.Single]
    - ['=begin\b', Comment.Multiline, doc_comment]
    - ['__END__', Comment.Preproc, data_section]
    # numbers
    - ['0_?[0-7]+(?:_[0-7]+)*', Number.Oct]
    - ['0x\h+(?:_\h+)*', Number.Hex]
    - ['0b[01]+(?:_[01]+)*', Number.Bin]
    - ['\d+(?:_\d+)*(?:\.\d+(?:_\d+)*(?:[eE][-+]?\d+)?|[eE][-+]?\d+)', Number.Float]
    - ['\d+(?:_\d+)*', Number.Integer]
    # variables
    - ['@@[a-zA-Z_]\w*', Name.Variable.Class]
    - ['@[a-zA-Z_]\w*', Name.Variable.Instance]
    - ['\$\w+', Name.Variable.Global]
    - ['\$[-!@&`''+~=/\\,;.<>_*$?:"]', Name.Variable.Global]
    - ['::', Operator]
    - {include: symbols}
    - ['[a-z_]\w*[?!]?:\s+', String.Symbol, expr]
    - ['''(?:[^''\\]|\\(?m:.))*''', String.Single]
    - ['"', String.Double, dstring]
    - ['`', String.Backtick, backtick]
    - {words: [BEGIN, END, alias, begin, break, case, do, else, elsif, end, ensure, for, if, in, next, redo, rescue, raise, retry, return, super, then, undef, unless, until, when, while, yield], token: Keyword, next: expr}
    - ['defined\?', Keyword, expr]
    - {words: [loop, include, extend, alias_method, attr, catch, throw, private, module_function, public, protected, 'true', 'false', nil, __FILE__, __LINE__], token: Keyword.Pseudo, next: expr}
    - {match: '(module)(\s+)([a-zA-Z_]\w*(?:::[a-zA-Z_]\w*)*)', groups: [Keyword, Text, Name.Namespace]}
    - {match: '(def)\b(\s*)', groups: [Keyword, Text], next: def_name}
    - {match: '(class)\b(\s*)', groups: [Keyword, Text], next: class_name}
    - {words: [autoload, block_given, const_defined, eql, equal, frozen, instance_of, is_a, iterator, kind_of, method_defined, private_method_defined, protected_method_defined, public_method_defined, respond_to, tainted], suffix: '\?', token: Name.Builtin, next: expr}
    - {words: [chomp, chop, exit, gsub, sub], suffix: '!', token: Name.Builtin, next: expr}
    - {words: [attr_reader, attr_writer, attr_accessor, __id__, __send__, abort, ancestors, at_exit, autoload, binding, callcc, caller, chomp, chop, class_eval, class_variables, clone, const_get, const_missing, const_set, constants, display, dup, eval, exec, exit, fail, fork, format, freeze, getc, gets, global_variables, gsub, hash, id, included_modules, inspect, instance_eval, instance_method, instance_methods, instance_variable_get, instance_variable_set, instance_variables, lambda, load, local_variables, method, method_missing, methods, module_eval, name, object_id, open, p, print, printf, private_class_method, private_instance_methods, private_methods, proc, protected_instance_methods, protected_methods, public_class_method, public_instance_methods, public_methods, putc, puts, rand, readline, readlines, require, require_relative, scan, select, self, send, set_trace_func, singleton_methods, sleep, split, sprintf, srand, sub, syscall, system, taint, test, to_a, to_s, trace_var, trap, untaint, untrace_var, warn], token: Name.Builtin, next: after_name}
    - {include: heredoc_start}
    - ['\.\.\.?', Operator, expr]
    - ['[A-Z]\w*', Name.Constant, after_name]
    - {match: '(\.)(\s*)([a-z_]\w*[!?]?|[-+*/%&^`~,.\[<>=])', groups: [Punctuation, Text, Name.Function], next: after_name}
    - ['[a-zA-Z_]\w*[!?]', Name, expr]
    - ['[a-zA-Z_]\w*', Name, after_name]
    - ['(?:[-+*/%=<>&!^|~]|\*\*|<<|>>|=~|!~|&&|\|\|)=?|\.', Operator, expr]
    - ['\?', Punctuation, [ternary, expr]]
    - ['[\[({,:;\\]', Punctuation, expr]
    - ['[\])}]', Punctuation]
    - ['.', Error]

  # An operand is expected here.
  expr:
    - ['[ \t\r]+', Text]
    - ['/', String.Regex, ['#pop', regex]]
    - ['\?(?:\\[MC]-)*(?:\\(?:[abefnrstv#"''\\]|x\h{1,2}|[0-7]{1,3})|\S)(?!\w)', String.Char, '#pop']
    - {match: '(\s*)(%[rqswQWxiI]? \S* )', groups: [Text, String.Other], next: '#pop'}
    - {include: percent}
    - {default: '#pop'}

  # Right after a name: `a/b` divides; `a /b/` and `a %w(x)` are literals.
  after_name:
    - ['[/%]', Operator, ['#pop', expr]]
    - ['(?=\n)', Text, '#pop']
    - {default: ['#pop', after_name_space]}
  after_name_space:
    - ['[ \t\r]+', Text]
    - ['\n\s*', Text, ['#pop', expr]]
    - ['#[^\n]*', Comment.Single]
    - ['[%/]=', Operator, ['#pop', expr]]
    - ['/(?=\S|\s*/)', String.Regex, ['#pop', regex]]
    - {include: percent}
    - {default: '#pop'}

  ternary:
    - {match: '(:)(\s+)', groups: [Punctuation, Text], next: ['#pop', expr]}
    - [':(?![^#\n]*?[:\\])', Punctuation, ['#pop', expr]]
    - {include: code}

  def_name:
    - ['\s+', Text]
    - {match: '(?:([a-zA-Z_]\w*)(\.))?([a-zA-Z_]\w*[!?]?|\*\*?|[-+]@?|<<|>>|[/%&|^`~<>]|\[\]=?|===?)', groups: [Name.Class, Operator, Name.Function], next: '#pop'}
    - {default: '#pop'}

  class_name:
    - ['\s+', Text]
    - ['\w+(?:::\w+)+', Name.Class]
    - ['<<', Operator, ['#pop', expr]]
    - ['[A-Z_]\w*', Name.Class, '#pop']
    - {default: '#pop'}

  symbols:
    - [':@{0,2}[a-zA-Z_]\w*[!?]?', String.Symbol]
    - [':(?:\*\*|[-+]@|[/%&|^`~]|\[\]=?|<<|>>|<=>|<=?|>=?|===?)', String.Symbol]
    - [':''(?:[^''\\]|\\(?m:.))*''', String.Symbol]
    - [':"', String.Symbol, dsymbol]

  interpolation:
    - ['#\{', String.Interpol, interp]
    - ['#(?:@@?|\$)[a-zA-Z_]\w*', String.Interpol]
  escapes:
    - {include: interpolation}
    - ['\\(?:x\h{1,2}|[0-7]{1,3}|.)', String.Escape]
  interp:
    - ['\}', String.Interpol, '#pop']
    - {include: code}

  dstring:
    - {include: escapes}
    - ['[^"\\#]+', String.Double]
    - ['[\\#]', String.Double]
    - ['"', String.Double, '#pop']
  dsymbol:
    - {include: escapes}
    - ['[^"\\#]+', String.Symbol]
    - ['[\\#]', String.Symbol]
    - ['"', String.Symbol, '#pop']
  backtick:
    - {include: escapes}
    - ['[^`\\#]+', String.Backtick]
    - ['[\\#]', String.Backtick]
    - ['`', String.Backtick, '#pop']

  regex:
    - {include: interpolation}
    - ['\\[\\/]', String.Regex]
    - ['[\\#]', String.Regex]
    - ['[^\\/#]+', String.Regex]
    - ['/[mixounse]*', String.Regex, '#pop']
  regex_flags:
    - ['[mixounse]+', String.Regex, '#pop']
    - {default: '#pop'}

  doc_comment:
    - ['\n=end\b', Comment.Multiline, '#pop']
    - ['[^\n]+', Comment.Multiline]
    - ['\n', Comment.Multiline]

  data_section:
    - ['(?m).+', Comment.Preproc]

  # Heredocs: the rest of the opening line is code, the body starts after it.
  heredoc_text:
    - {include: escapes}
    - ['[^#\\\n]+', String.Heredoc]
    - ['[#\\\n]', String.Heredoc]
"""

HEREDOC_NAMES = ["EOS", "EOF", "EOT", "EOM", "END", "SQL", "HTML", "TEXT", "HEREDOC", "MSG",
                 "USAGE", "MD", "MARKDOWN", "JSON", "YAML", "CODE", "RUBY", "JS", "CSS", "XML",
                 "SH", "BASH", "ERB", "GRAPHQL"]

GENERIC = {"caps": "[A-Z_][A-Z0-9_]*(?!\\w)", "capitalized": "[A-Z]\\w*", "lower": "(?!(?:end|else|begin|ensure|rescue|then|do|retry|redo|next|break|return|super|yield|nil|true|false|self)(?!\\w))[a-z_]\\w*"}

# %-literals: (state suffix, open, close); a nesting pair when open != close.
DELIMS = [("paren", "(", ")"), ("bracket", "[", "]"), ("brace", "{", "}"), ("angle", "<", ">"),
          ("bang", "!", "!"), ("pipe", "|", "|"), ("slash", "/", "/"), ("caret", "^", "^"),
          ("tilde", "~", "~"), ("squote", "'", "'"), ("dquote", '"', '"'), ("dash", "-", "-"),
          ("dot", ".", "."), ("comma", ",", ","), ("colon", ":", ":"), ("plus", "+", "+"),
          ("equals", "=", "="), ("percent", "%", "%")]
# (state prefix, literal letters, token, interpolates)
KINDS = [("pr", "r", "String.Regex", True), ("pq", "[QWxI]", "String.Other", True),
         ("pn", "[qswi]?", "String.Other", False)]


def esc(c):
    """c as a regex literal, quoted for a single-quoted YAML scalar."""
    s = "\\" + c if c in "()[]{}|/^.+\\-*?$" else c
    return s.replace("'", "''")


def cls(c):
    """c inside a character class."""
    s = "\\" + c if c in "[]\\^-" else c
    return s.replace("'", "''")


def build():
    out = [CORE.rstrip("\n")]
    # heredoc openers
    out.append("  heredoc_start:")
    for name in HEREDOC_NAMES:
        out.append(f"    - {{match: '(<<[-~]?)([\"`'']?{name}[\"`'']?)(?!\\w)', "
                   f"groups: [Operator, Name.Constant], next: heredoc_{name}}}")
    # any other name: the first line holding only a name of the same shape ends it
    for shape, pattern in GENERIC.items():
        out.append(f"    - {{match: '(<<[-~]?)([\"`'']?{pattern}[\"`'']?)', "
                   f"groups: [Operator, Name.Constant], next: heredoc_{shape}}}")
    for name in HEREDOC_NAMES + list(GENERIC):
        end = GENERIC.get(name, name)
        out.append(f"  heredoc_{name}:")
        out.append(f"    - ['\\n', String.Heredoc, ['#pop', heredoc_{name}_body]]")
        out.append("    - {include: code}")
        out.append(f"  heredoc_{name}_body:")
        out.append(f"    - ['^[ \\t]*{end}[ \\t]*$', Name.Constant, '#pop']")
        out.append("    - {include: heredoc_text}")
    # %-literals
    out.append("")
    out.append("  # %-literals, one state per kind and delimiter.")
    out.append("  percent:")
    for prefix, letters, tok, interp in KINDS:
        for suffix, o, c in DELIMS:
            nxt = f"['#pop', regex_flags, {prefix}_{suffix}]" if prefix == "pr" else f"['#pop', {prefix}_{suffix}]"
            out.append(f"    - ['%{letters}{esc(o)}', {tok}, {nxt}]")
    for prefix, letters, tok, interp in KINDS:
        for suffix, o, c in DELIMS:
            chars = "".join(dict.fromkeys(o + c))
            out.append(f"  {prefix}_{suffix}:")
            out.append(f"    - ['\\\\[#{cls(chars) if False else ''.join(cls(x) for x in chars)}\\\\]', String.Escape]")
            if o != c:
                out.append(f"    - ['{esc(o)}', {tok}, '#push']")
            out.append(f"    - ['{esc(c)}', {tok}, '#pop']")
            if interp:
                out.append("    - {include: escapes}")
            out.append(f"    - ['[\\\\#]', {tok}]")
            out.append(f"    - ['[^#{''.join(cls(x) for x in chars)}\\\\]+', {tok}]")
    return "\n".join(out) + "\n"


def generate():
    return {"ruby.yml": common.header("gen_ruby.py") + build()}


if __name__ == "__main__":
    common.main(generate)
