#!/usr/bin/env python3
"""Regenerates the generated lexer files in assets/highlight/.

    python3 tools/highlight/generate.py          # write the files that changed
    python3 tools/highlight/generate.py --check  # write nothing; exit 1 listing
                                                 # every file that would change

Each gen_*.py beside this script generates whole lexer files (its docstring
says which and how); generated files begin with a comment line naming their
generator. Edit the generator (or its word list), never the file, then run
this. Generators use only the Python 3 standard library and the data files in
this folder.

    gen_shell.py     shell.yml, console.yml, docker.yml, make.yml
    gen_hcl.py       hcl.yml
    gen_terraform.py terraform.yml
    gen_css.py       css.yml        (css_*.txt, trie.py)
    gen_sass.py      sass.yml, scss.yml   (css_*.txt, trie.py)
    gen_yaml.py      yaml.yml
    gen_markdown.py  markdown.yml   (md_names.txt)
    gen_php.py       php.yml        (php_builtins.txt)
    gen_lua.py       lua.yml        (lua_builtins.txt)
    gen_python.py    python.yml
    gen_ruby.py      ruby.yml

The other lexer files in assets/highlight/ are written by hand.
"""
import argparse
import os
import sys

sys.dont_write_bytecode = True  # (no __pycache__ in the repository)
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import common  # noqa: E402
import gen_css  # noqa: E402
import gen_hcl  # noqa: E402
import gen_lua  # noqa: E402
import gen_markdown  # noqa: E402
import gen_php  # noqa: E402
import gen_python  # noqa: E402
import gen_ruby  # noqa: E402
import gen_sass  # noqa: E402
import gen_shell  # noqa: E402
import gen_terraform  # noqa: E402
import gen_yaml  # noqa: E402

GENERATORS = [gen_shell, gen_hcl, gen_terraform, gen_css, gen_sass, gen_yaml, gen_markdown,
              gen_php, gen_lua, gen_python, gen_ruby]


def generated():
    """Every generated file's name and text, in order."""
    files = {}
    for generator in GENERATORS:
        for name, text in generator.generate().items():
            if name in files:
                sys.exit("%s: generated twice (again by %s)" % (name, generator.__name__))
            files[name] = text
    return files


def main():
    parser = argparse.ArgumentParser(description="Regenerates the generated lexer files in assets/highlight/.")
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1, listing them, if any file would change")
    args = parser.parse_args()

    changed = []
    for name, text in generated().items():
        path = os.path.join(common.ASSETS, name)
        new = text.encode("utf-8")
        try:
            with open(path, "rb") as f:
                old = f.read()
        except FileNotFoundError:
            old = None
        if old == new:
            continue
        changed.append(name)
        if not args.check:
            with open(path, "wb") as f:
                f.write(new)

    shown = os.path.relpath(common.ASSETS)
    if args.check:
        if changed:
            print("out of date (run python3 tools/highlight/generate.py):")
            for name in changed:
                print("  " + os.path.join(shown, name))
            return 1
        print("all generated lexer files are up to date")
        return 0
    for name in changed:
        print("wrote " + os.path.join(shown, name))
    if not changed:
        print("nothing to write: all generated lexer files are up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
