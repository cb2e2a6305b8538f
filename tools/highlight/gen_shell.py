#!/usr/bin/env python3
"""Generates shell.yml, console.yml, docker.yml and make.yml, wholly.

shell.yml holds the shell states (sh / bash / zsh, with Rouge 3.30's token
classes). console.yml, docker.yml and make.yml embed a copy of those states,
adapted to how Rouge 3.30 hands them their text (a console line by line, a
Dockerfile's RUN pieces, a Makefile's recipe lines), so a change to the shell
states must be made here, never in one of the four files by hand.

Run through generate.py; on its own, `gen_shell.py [NAME.yml ...]` prints the files.
"""
import common

KEYWORDS = "if then elif else fi for while until do done in select function return continue esac".split()
BUILTINS = """alias bg bind break builtin caller cd command compgen complete declare dirs disown enable
eval exec exit export false fc fg getopts hash help history jobs let local logout mapfile popd
pushd pwd read readonly set shift shopt source suspend test time times trap true type typeset
ulimit umask unalias unset wait cat tac nl od base32 base64 fmt pr fold head tail split csplit
wc sum cksum b2sum md5sum sha1sum sha224sum sha256sum sha384sum sha512sum sort shuf uniq comm
ptx tsort cut paste join tr expand unexpand ls dir vdir dircolors cp dd install mv rm shred
link ln mkdir mkfifo mknod readlink rmdir unlink chown chgrp chmod touch df du stat sync
truncate echo printf yes expr tee basename dirname pathchk mktemp realpath stty printenv
tty id logname whoami groups users who date arch nproc uname hostname hostid uptime chcon
runcon chroot env nice nohup stdbuf timeout kill sleep factor numfmt seq tar grep sudo awk
sed gzip gunzip""".split()
TERMINATORS = """EOF EOT END EOL EOM EOS EOD EOP EOC EOI EOX EOFF END_OF_FILE HEREDOC DOC TEXT MSG
MESSAGE SQL HTML XML JSON YAML CSS SCRIPT USAGE HELP CONF CONFIG DATA INPUT BODY CONTENT PY PYTHON
SH BASH ENDSSH SSH REMOTE CMD STOP MARKER INI ENV UNIT SERVICE eof end _EOF_""".split()
MAKE_FUNCTIONS = """abspath addprefix addsuffix and basename call dir error eval file filter filter-out
findstring firstword flavor foreach if join lastword notdir or origin patsubst realpath shell sort
strip subst suffix value warning wildcard word wordlist words""".split()
DOCKER_KEYWORDS = """FROM MAINTAINER CMD LABEL EXPOSE ENV ADD COPY ENTRYPOINT VOLUME USER WORKDIR ARG
STOPSIGNAL HEALTHCHECK SHELL""".split()


def sq(s):
    return "'" + s.replace("'", "''") + "'"


def alt(words):
    return "|".join(sorted(set(words), key=lambda w: (-len(w), w)))


def trie(words):
    """An alternation of `words` factored by common prefixes (quicker to fail)."""
    words = sorted(set(words))
    if words == [""]:
        return ""
    heads = {}
    for w in words:
        heads.setdefault(w[:1], []).append(w[1:])
    parts = []
    for head in sorted(heads, key=lambda h: (h == "", h)):
        if head == "":
            continue
        rest = trie(heads[head])
        optional = "" in heads[head]
        tails = [t for t in heads[head] if t]
        if not tails:
            parts.append(head)
        elif len(tails) == 1 and not optional:
            parts.append(head + tails[0])
        else:
            inner = trie(tails)
            parts.append(head + ("(?:" + inner + ")" + ("?" if optional else "")))
    return "|".join(parts)


def build(mode):
    """The lexer file for `mode`: shell, console, docker or make."""
    console, docker, make = mode == "console", mode == "docker", mode == "make"
    # A console lexes each line on its own, a Dockerfile each RUN piece between line
    # continuations, a Makefile each recipe line: there no token may run past a newline.
    S = r"\s" if mode == "shell" else r"[^\S\n]"
    P = "sh_" if docker or make else ""  # the shell states' prefix in another language's file
    # Rouge's make lexer hands the shell its text in pieces that end before `$(`, `${`,
    # `(`, `)`, `}`, `\` and the line's end; a `$` ending a piece stands alone.
    LONE = r"\$(?=[()}\\]|\$[({]|$)"
    # (a Dockerfile's or Makefile's heredocs end at any word: no per-terminator states)
    terminators = [] if docker or make else TERMINATORS

    def run(cls):
        """A run of the characters of the negated class body `cls` (as `^abc`)."""
        if console:
            return "[" + cls + r"\n]+\n?|\n"
        if docker or make:
            keeps_backslash = "\\\\" not in cls
            keeps_dollar = "$" not in cls
            parts = ["[" + cls + r"\n" + ("\\\\" if keeps_backslash else "") + ("$" if make and keeps_dollar else "") + "]"]
            if keeps_backslash:
                parts.append(r"\\(?!\n)")
            if make and keeps_dollar:
                parts.append(r"\$(?![({])")
            return parts[0] + "+" if len(parts) == 1 else "(?:" + "|".join(parts) + ")+"
        return "[" + cls + "]+"

    states = []  # (name, [rule]) in order

    def state(name, *rules, prefix=True):
        states.append(((P if prefix else "") + name, [x for x in rules if x]))

    def N(nxt, prefix=True):
        """`next`, with the state names prefixed."""
        p = P if prefix else ""
        if nxt.startswith("["):
            items = [x.strip() for x in nxt[1:-1].split(",")]
            return "[" + ", ".join(x if x.startswith("'") else p + x for x in items) + "]"
        return nxt if nxt.startswith("'") else p + nxt

    def r(pattern, token, nxt=None, prefix=True):
        if nxt is None:
            return "[" + sq(pattern) + ", " + token + "]"
        return "[" + sq(pattern) + ", " + token + ", " + N(nxt, prefix) + "]"

    def g(pattern, groups, nxt=None, prefix=True):
        s = "{match: " + sq(pattern) + ", groups: [" + ", ".join(groups) + "]"
        if nxt:
            s += ", next: " + N(nxt, prefix)
        return s + "}"

    def inc(name, prefix=True):
        return "{include: " + (P if prefix else "") + name + "}"

    Q = "['" + '"' + "]?"  # an optional quote around a heredoc's word

    # ---- the shell states -------------------------------------------------------
    state("root", inc("statement"), inc("words"))
    state("statement",
          r(r"#(?:[^\n()}\\$]|\$(?![({]))*" if make else r"#[^\n]*", "Comment"),
          r(r"\b(?:" + trie(KEYWORDS) + ")" + S + r"*\b", "Keyword"),
          r(r"\bcase\b", "Keyword", "case"),
          r(r"\b(?:" + trie(BUILTINS) + ")" + S + r"*\b(?![.-])", "Name.Builtin"),
          r(r"\.(?=\s)" if mode in ("shell", "console") else r"\.(?=[^\S\n])", "Name.Builtin"),
          g(r"(\b\w+)(=)", ["Name.Variable", "Operator"]),
          r(r"&&|\|\||[\[\]{}()!=>]", "Operator"),
          r(r"<<<", "Operator"),
          r(r"<<-?(?=" + S + "*" + Q + r"\\?\w)", "Operator", "heredoc_start"))
    state("words",
          r(S + "+\n?" if console else S + "+", "Text"),
          r(r"\n", "Text") if console else None,
          r(r"\\.", "String.Escape"),
          r(r'\$?"', "String.Double", "dq"),
          r(r"\$'", "String.Single", "ansi"),
          r(r"'", "String.Single", "sq"),
          r(r"\*", "Keyword"),
          r(r";", "Punctuation"),
          r(r"--?[\w-]+", "Name.Tag"),
          r(r"""[^=*\s{}()$"'`;\\<]+""", "Text"),
          r(r"<", "Text"),
          r(LONE, "Error") if make else None,
          inc("expansion"),
          r(r"\$", "Error"))
    state("expansion",
          r(r"\\$", "String.Escape"),
          r(r"\\.", "String.Escape"),
          None if make else r(r"\$\(\(", "Keyword", "arith"),
          None if make else r(r"\$\(", "String.Interpol", "subst"),
          r(r"\$\{#?", "Keyword", "param"),
          r(r"`", "String.Backtick", "backtick"),
          r(r"\$#?(?:\w+|.)", "Name.Variable"))
    state("dq",
          r(r'(?:\$#?)?"', "String.Double", "'#pop'"),
          r(LONE, "Error") if make else None,
          inc("expansion"),
          r(run(r'^"`\\$'), "String.Double"),
          r(r"\$", "Error"))
    state("sq",
          r(r"'", "String.Single", "'#pop'"),
          r(run(r"^'"), "String.Single"),
          r(r"\$", "String.Single") if make else None)
    state("ansi",
          r(r"\\.", "String.Escape"),
          r(run(r"^\\'"), "String.Single"),
          r(r"'", "String.Single", "'#pop'"),
          r(run(r"^'"), "String.Single"),
          r(r"\$", "String.Single") if make else None)
    state("param",
          r(r"\}", "Keyword", "'#pop'"),
          r(r":-", "Keyword"),
          r(r"[a-zA-Z0-9_]+", "Name.Variable"),
          r(run(r"""^}:"`'$"""), "Punctuation"),
          inc("root"))
    if not make:
        state("subst",
              r(r"\)", "String.Interpol", "'#pop'"),
              r(r"\(", "Operator", "parens"),
              inc("root"))
        state("parens",
              r(r"\(", "Operator", "'#push'"),
              r(r"\)", "Operator", "'#pop'"),
              inc("root"))
        state("arith",
              r(r"\)\)", "Keyword", "'#pop'"),
              r(r"[-+*/%^|&!]", "Operator"),
              r(r"\d+(?:#\w+)?", "Number"),
              inc("root"))
    state("case",
          r(r"\besac\b", "Keyword", "'#pop'"),
          r(r"\|", "Punctuation"),
          r(r"\)", "Punctuation", "case_branch"),
          inc("root"))
    state("case_branch",
          r(r";;", "Punctuation", "'#pop'"),
          inc("root"))
    state("backtick",
          r(r"`", "String.Backtick", "'#pop'"),
          inc("root"))
    HD = ["Text", "String.Heredoc", "String.Heredoc", "Name.Constant", "String.Heredoc"]
    state("heredoc_start",
          *[g("(" + S + "*)(" + Q + r")(\\?)(" + t + r")(?!\w)(" + Q + ")", HD, "['#pop', heredoc_" + t + "]")
            for t in terminators],
          g("(" + S + "*)(" + Q + r")(\\?)(\w+)(" + Q + ")", HD, "['#pop', heredoc_any]"))
    state("heredoc_body",
          r(r"[^$\n\\]+", "String.Heredoc"),
          r(LONE, "String.Heredoc") if make else None,
          inc("expansion"),
          r(r"\$", "String.Heredoc"))
    for t in terminators + ["any"]:
        end = t if t != "any" else "[A-Z_][A-Z0-9_]*"
        state("heredoc_" + t,
              r(r"\n", "String.Heredoc", "heredoc_" + t + "_line"),
              inc("heredoc_body"))
        state("heredoc_" + t + "_line",
              r(S + "*" + end + S + r"*\n", "Name.Constant", "'#pop:2'"),
              r(S + r"*\w+" + S + r"*\n", "String.Heredoc"),
              "{default: '#pop'}")

    INCLUDED = {P + x for x in ("statement", "words", "expansion", "heredoc_body")}

    def prepend(rules_for):
        for name, rules in states:
            if name not in INCLUDED and not name.startswith("mk_"):
                rules[0:0] = rules_for(name)

    # ---- the languages that embed them ------------------------------------------
    header = []
    if console:
        header = ["name: console",
                  "# A shell session, as Rouge 3.30 reads one: a line holding $, #, > or ; is a",
                  "# prompt (everything up to the first of them) and a command, lexed as shell",
                  "# and carried on to the next prompt line; any other line is output, and ends",
                  "# the command. A line of only dots (or <...>) is a comment. The states are",
                  "# shell.yml's, each beginning with these three line rules, and no token in",
                  "# them runs past a newline."]
        prepend(lambda name: [r(r"^[ \t]*(?:<\.+>|\.+)[ \t]*(?:\n|\z)", "Comment", "'#pop:100'"),
                              g(r"^([^$#>;\n]*[$#>;])([ \t]*)", ["Generic.Prompt", "Text"]),
                              r(r"^[^\n]*\n?", "Generic.Output", "'#pop:100'")])
    elif docker:
        header = ["name: docker",
                  "# Dockerfiles, as Rouge 3.30 reads them: an instruction at a line's start is",
                  "# a keyword and the rest of its line a string; a RUN command is shell, up to",
                  "# the first newline no backslash escapes. Instructions match in any case.",
                  "# The sh_ states are shell.yml's, ending at such a newline."]
        prepend(lambda name: [r(r"\\\n", "String.Escape"), r(r"\n", "Text", "'#pop:100'")])
        KW = "(?i:" + alt(DOCKER_KEYWORDS) + ")"
        states.insert(0, ("root", [
            r(r"\s+", "Text"),
            g(r"^((?i:FROM))(\s+)(.*)(\s+)((?i:AS))(\s+)(.*)", ["Keyword", "Text", "String", "Text", "Keyword", "Text", "String"]),
            g(r"^((?i:ONBUILD))(\s+)(" + KW + ")(.*)", ["Keyword", "Text", "Keyword", "String"]),
            g(r"^(" + KW + r")\b(.*)", ["Keyword", "String"]),
            r(r"#[^\n]*", "Comment"),
            r(r"^(?i:(?:ONBUILD\s+)?RUN)\s+", "Keyword", "root"),
            r(r"\w+", "Text"),
            r(r"\W+", "Text")]))
    elif make:
        header = ["name: make",
                  "# Makefiles, with Rouge 3.30's token classes: variable assignments, rules",
                  "# (target: prerequisites), conditionals, and recipe lines lexed as shell, with",
                  "# make's $(VAR) and $(function ...) in them. The sh_ states are shell.yml's,",
                  "# with their tokens cut where Rouge cuts the text it hands its shell lexer:",
                  "# before `$(`, `${`, a parenthesis, `}`, a backslash and the line's end."]
        MACRO = [r(r"\$[({][\t ]*\w[\w:=%.]*[\t ]*[)}]", "Name.Variable"),
                 g(r"(\$[({])([\t ]*)(" + alt(MAKE_FUNCTIONS) + r")([\t ]+)",
                   ["Name.Function", "Text", "Name.Builtin", "Text"], "mk_expr", prefix=False)]

        def line_rules(name):
            cont = "String.Single" if name in (P + "sq", P + "ansi") else None
            rules = [r(r"\\\n", cont) if cont else g(r"(\\)(\n)", ["String.Escape", "Text"])]
            if name != P + "root":  # (mk_line and mk_expr, which include it, end the line themselves)
                rules.append(r(r"(?=\n)", "Text", "'#pop'"))
            return rules + MACRO
        prepend(line_rules)
        states[0:0] = [
            ("root", [
                # (a line without a colon has no rule: lexed without looking for one,
                # which would take long on long lines)
                r(r"(?=[^\n:]*\n)", "Text", "mk_plain", prefix=False),
                r(r"(?=[^\n:]*\z)", "Text", "mk_last", prefix=False),
                r(r"\s+", "Text"),
                r(r"#[^\n]*\n", "Comment"),
                inc("mk_directives", prefix=False),
                g(r"([^\n:]+)(:+)([ \t]*)", ["Name.Label", "Operator", "Text"], "mk_header", prefix=False),
                r(r".", "Error")]),
            ("mk_plain", [
                r(r"\n", "Text", "'#pop'"),
                r(r"[^\S\n]+", "Text"),
                r(r"#[^\n]*\n", "Comment", "'#pop'"),
                inc("mk_directives", prefix=False),
                r(r"(?:[0-9A-Za-dfghj-rt-z_${}().]|(?!s?include|-include|ifn?def|ifn?eq|else|endif|export)[eis-])+", "Error"),
                r(r".", "Error")]),
            ("mk_last", [
                r(r"\s+", "Text"),
                inc("mk_directives", prefix=False),
                r(r"(?:[0-9A-Za-dfghj-rt-z_${}().]|(?!s?include|-include|ifn?def|ifn?eq|else|endif|export)[eis-])+", "Error"),
                r(r".", "Error")]),
            ("mk_directives", [
                g(r"([-s]?include)((?:[\t ]+[^\t\n #]+)+)", ["Keyword", "String.Other"]),
                g(r"(ifn?def|ifn?eq)([\t ]+)([^#\n]+)", ["Keyword", "Text", "Name.Variable"]),
                r(r"(?:else|endif)[\t ]*(?=[#\n])", "Keyword"),
                g(r"(export)([\t ]+)(?=[\w${}()\t -]+\n)", ["Keyword", "Text"], "['#pop', mk_export]", prefix=False),
                r(r"export[\t ]+", "Keyword"),
                g(r"([\w${}().-]+)([\t ]*)([!?:+]?=)", ["Name.Variable", "Text", "Operator"], "['#pop', mk_line]", prefix=False),
                r(r'"[^"\\\n]*(?:\\.[^"\\\n]*)*"', "String.Double"),
                r(r"'[^'\\\n]*(?:\\.[^'\\\n]*)*'", "String.Single"),
                # (one running on to another line ends the line's state)
                r(r'"[^"\\]*(?:\\.[^"\\]*)*"', "String.Double", "'#pop'"),
                r(r"'[^'\\]*(?:\\.[^'\\]*)*'", "String.Single", "'#pop'")]),
            ("mk_export", [
                r(r"[\w${}()-]", "Name.Variable"),
                r(r"\n", "Text", "'#pop'"),
                r(r"[\t ]+", "Text")]),
            ("mk_header", [
                r(r"[^,\\\n#]+", "Name.Function"),
                r(r",", "Punctuation"),
                r(r"#", "Comment"),
                r(r"\\.", "Text"),
                r(r"\\\n", "Text"),
                r(r"\n", "Text", "['#pop', mk_recipe]", prefix=False)]),
            ("mk_recipe", [
                g(r"(ifn?def|ifn?eq)([\t ]+)([^#\n]+)(#.*)?(\n)", ["Keyword", "Text", "Name.Variable", "Comment", "Text"]),
                g(r"(else|endif)([\t ]*)(#.*)?(\n)", ["Keyword", "Text", "Comment", "Text"]),
                g(r"(\t[\t ]*)([@-]?)", ["Text", "Punctuation"], "mk_line", prefix=False),
                "{default: '#pop'}"]),
            ("mk_line", [
                r(r"\n", "Text", "'#pop'"),
                g(r"(\\)(\n)", ["String.Escape", "Text"]),
                *MACRO,
                inc("root")]),
            ("mk_expr", [
                r(r"(?=\n)", "Text", "'#pop'"),
                *MACRO,
                r(r"[({]", "Operator", "mk_expr", prefix=False),
                r(r"[)}]", "Name.Function", "'#pop'"),
                inc("root")]),
        ]
    else:
        header = ["name: shell",
                  "# sh / bash / zsh, with the token classes of Rouge 3.30's shell lexer: words",
                  "# are plain text, options Name.Tag, a keyword or builtin takes the blanks",
                  "# after it. A heredoc ends at its own word for common terminators (EOF, END,",
                  "# ...); any other ends at the first line of one upper-case word."]

    if mode == "shell":
        header += ["# console.yml, docker.yml and make.yml hold copies of these states, adapted",
                   "# to the text they get: a change here belongs there too."]
    if mode in ("shell", "console"):
        header += ["# (The heredoc states are one pair per terminator word, alike but for it.)"]
    out = header + ["states:"]
    for name, rules in states:
        out.append("  " + name + ":")
        out.extend("    - " + rule for rule in rules)
    return "\n".join(out) + "\n"


def generate():
    return {mode + ".yml": common.header("gen_shell.py") + build(mode)
            for mode in ("shell", "console", "docker", "make")}


if __name__ == "__main__":
    common.main(generate)
