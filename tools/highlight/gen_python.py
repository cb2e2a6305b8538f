#!/usr/bin/env python3
"""Generates python.yml, wholly: the hand-written states (CORE) plus one
state per string kind (prefix: plain, r, f, rf) and quote.

Run through generate.py; on its own, `gen_python.py` prints the file.
"""
import common

CORE = r"""name: python
# Python. A string's prefix decides what is special inside it (r: no
# escapes, f: `{...}` substitutions lexed as Python again), and its quote
# what ends it, so each combination has a state of its own.
states:
  root:
    - ['\n+', Text]
    - ['[^\S\n]+', Text]
    - ['#[^\n]*\n?', Comment.Single]
    - ['[\[\]{}:(),;.]', Punctuation]
    - ['\\\n?', Text]
    - {words: [in, is, and, or, not], token: Operator.Word}
    - ['(?://|\*\*|<<|>>)=?', Operator]
    - ['[-~+/*%=<>&^|@]=?|!=', Operator]
    - {match: '(from)((?:\\?\s)+)([\p{L}_.][\w\p{L}.]*)((?:\\?\s)+)(import)\b', groups: [Keyword.Namespace, Text, Name.Namespace, Text, Keyword.Namespace]}
    - {match: '(import)(\s+)([\p{L}_.][\w\p{L}.]*)', groups: [Keyword.Namespace, Text, Name.Namespace]}
    - {match: '(def)((?:\\?\s)+)', groups: [Keyword, Text], next: def_name}
    - {match: '(class)((?:\\?\s)+)', groups: [Keyword, Text], next: class_name}
    - ['`[^`\n]*`', String.Backtick]
    - {include: string_start}
    - ['@[\p{L}_.][\w\p{L}.]*', Name.Decorator]
    - {words: [assert, break, continue, del, elif, else, except, exec, finally, for, global, if, lambda, pass, print, raise, return, try, while, yield, as, with, from, import, async, await, nonlocal], token: Keyword}
    - {words: [ArithmeticError, AssertionError, AttributeError, BaseException, BlockingIOError, BrokenPipeError, BufferError, BytesWarning, ChildProcessError, ConnectionAbortedError, ConnectionError, ConnectionRefusedError, ConnectionResetError, DeprecationWarning, EOFError, EnvironmentError, Exception, FileExistsError, FileNotFoundError, FloatingPointError, FutureWarning, GeneratorExit, IOError, ImportError, ImportWarning, IndentationError, IndexError, InterruptedError, IsADirectoryError, KeyError, KeyboardInterrupt, LookupError, MemoryError, ModuleNotFoundError, NameError, NotADirectoryError, NotImplemented, NotImplementedError, OSError, OverflowError, OverflowWarning, PendingDeprecationWarning, ProcessLookupError, RecursionError, ReferenceError, ResourceWarning, RuntimeError, RuntimeWarning, StandardError, StopAsyncIteration, StopIteration, SyntaxError, SyntaxWarning, SystemError, SystemExit, TabError, TimeoutError, TypeError, UnboundLocalError, UnicodeDecodeError, UnicodeEncodeError, UnicodeError, UnicodeTranslateError, UnicodeWarning, UserWarning, ValueError, VMSError, Warning, WindowsError, ZeroDivisionError], token: Name.Builtin}
    - {words: [__import__, abs, all, any, apply, ascii, basestring, bin, bool, buffer, bytearray, bytes, callable, chr, classmethod, cmp, coerce, compile, complex, delattr, dict, dir, divmod, enumerate, eval, execfile, exit, file, filter, float, format, frozenset, getattr, globals, hasattr, hash, hex, id, input, int, intern, isinstance, issubclass, iter, len, list, locals, long, map, max, memoryview, min, next, object, oct, open, ord, pow, property, range, raw_input, reduce, reload, repr, reversed, round, set, setattr, slice, sorted, staticmethod, str, sum, super, tuple, type, unichr, unicode, vars, xrange, zip], token: Name.Builtin}
    - {words: [self, None, Ellipsis, NotImplemented, 'False', 'True'], token: Name.Builtin.Pseudo}
    - ['[\p{L}_][\w\p{L}]*', Name]
    # numbers: digits may be grouped with single underscores
    - ['(?:(?:\d(?:_?\d)*)?\.\d(?:_?\d)*|\d(?:_?\d)*\.)(?:[eE][-+]?\d(?:_?\d)*)?[jJ]?', Number.Float]
    - ['\d(?:_?\d)*(?:[eE][-+]?\d(?:_?\d)*[jJ]?|[jJ])', Number.Float]
    - ['0[bB](?:_?[01])+', Number.Bin]
    - ['0[oO](?:_?[0-7])+', Number.Oct]
    - ['0[xX](?:_?\h)+', Number.Hex]
    - ['\d+L', Number.Integer.Long]
    - ['[1-9](?:_?\d)*|0(?:_?0)*', Number.Integer]
    - ['.', Error]

  def_name:
    - ['[\p{L}_][\w\p{L}]*', Name.Function, '#pop']
    - {default: '#pop'}
  class_name:
    - ['[\p{L}_][\w\p{L}]*', Name.Class, '#pop']
    - {default: '#pop'}

  # Inside an f-string's braces: Python, then a conversion and a format spec.
  substitution:
    - {match: '[^{}!:]+', using: python}
    - ['![asr]', String.Interpol]
    - [':', String.Interpol]
    - ['\{', String.Interpol, '#push']
    - ['\}', String.Interpol, '#pop']
    - ['!', Error]

  escape:
    - ['\\(?:[\\abfnrtv"''\n]|N\{[a-zA-Z][a-zA-Z ]+[a-zA-Z]\}|u\h{4}|U\h{8}|x\h{2}|[0-7]{1,3})', String.Escape]
    - ['\\.', String]
  raw_escape:
    - ['\\(?:[\\abfnrtv"''\n]|N\{[a-zA-Z][a-zA-Z ]+[a-zA-Z]\}|u\h{4}|U\h{8}|x\h{2}|[0-7]{1,3})', String]
    - ['\\.', String]
"""

# (state part, prefix pattern)
KINDS = [("fr", "(?i:rf|fr)"), ("f", "(?i:f[fbu]?|[bu]f)"), ("r", "(?i:r[rbu]?|[bu]r)"), ("", "(?i:[bu]{0,2})")]
# (state part, quote, quote as regex)
QUOTES = [("tsq", "'''"), ("tdq", '"""'), ("sq", "'"), ("dq", '"')]


def y(s):
    return s.replace("'", "''")


def build():
    out = [CORE.rstrip("\n"), "", "  string_start:"]
    for kind, prefix in KINDS:
        for qname, q in QUOTES:
            out.append(f"    - {{match: '({prefix})({y(q)})', groups: [String.Affix, String], next: {kind}{qname}}}")
    for kind, _ in KINDS:
        for qname, q in QUOTES:
            out.append(f"  {kind}{qname}:")
            out.append(f"    - ['[^''\"\\\\{{]+', String]")
            out.append("    - ['\\{\\{', String]")
            # the longest run of quotes is read first; only this string's own quote ends it
            others = [o for o in ("'''", '"""', "'", '"') if o != q]
            longer = [o for o in others if len(o) > len(q)]
            shorter = [o for o in others if len(o) <= len(q)]
            if longer:
                out.append(f"    - ['{'|'.join(y(o) for o in longer)}', String]")
            out.append(f"    - ['{y(q)}', String, '#pop']")
            out.append(f"    - ['{'|'.join(y(o) for o in shorter)}', String]")
            out.append(f"    - {{include: {'raw_escape' if 'r' in kind else 'escape'}}}")
            if "f" in kind:
                out.append("    - ['\\{', String.Interpol, substitution]")
            else:
                out.append("    - ['\\{', String]")
    return "\n".join(out) + "\n"


def generate():
    return {"python.yml": common.header("gen_python.py") + build()}


if __name__ == "__main__":
    common.main(generate)
