#!/usr/bin/env python3
"""`make bench`: how fast `publish` is, against cmark, Hugo and pandoc.

Builds replicated corpora from a folder of Jekyll posts (x1, x10, x50 by
default, each copy with its own slug, date and body), times every command
(wall, CPU of the child, peak memory), prints a table and the targets the
"performance" issue sets, and appends both to bench/RESULTS.md.

Standard library only; see bench/README.md for what each row measures.
"""

import argparse
import datetime
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time

sys.dont_write_bytecode = True  # no __pycache__ beside the scripts

from corpus import Corpus, replicate
from peers import write_hugo_site, write_pandoc_book

# The secret the email output makes its unsubscribe tokens with.
BENCH_ENV = dict(os.environ, PUBLISH_UNSUBSCRIBE_SECRET="bench-secret-not-for-mail")

# Processes whose presence means another build competes for the CPU.
COMPETITORS = ("swift-frontend", "swift-build", "swift-driver", "clang", "ld.gold", "ld.lld", "ld")

SITE_PIPELINE = """\
# The bench site: every output on, so every emitter runs.
site:
  title: Bench News
  description: The Jekyll project's news, replicated for the benchmark
  url: https://bench.example.org
  language: en
  timezone: UTC
outputs:
  epub:
    path: book.epub
    title: Bench News
  email:
    enabled: true
    from: "Bench News <news@bench.example.org>"
    unsubscribe:
      url: https://bench.example.org/unsubscribe
"""


class Measurement:
    """One row of the table: the best of several timed runs of one command."""

    def __init__(self, scale, name, posts, size, wall, cpu, peak_mb, runs):
        self.scale, self.name, self.posts, self.size = scale, name, posts, size
        self.wall, self.cpu, self.peak_mb, self.runs = wall, cpu, peak_mb, runs

    @property
    def posts_per_s(self):
        return self.posts / self.wall if self.wall > 0 else float("inf")

    @property
    def mb_per_s(self):
        return self.size / 1e6 / self.wall if self.wall > 0 else float("inf")


class Bench:
    """Runs the measurements of one invocation and keeps their results."""

    def __init__(self, args):
        self.args = args
        self.results = {}          # (scale, name) -> Measurement
        self.competitor_samples = 0
        self.samples = 0
        self.discarded = 0

    def discard(self, path):
        """Moves an output out of the way instead of deleting it: ext4 (here
        without a journal) makes each new file skip over the inodes deleted
        in the last half minute, so deleting 10,000 files before a run made
        that run's file creation several times slower, for whichever tool
        ran next. The moved folders are deleted when the bench is done."""
        if os.path.lexists(path):
            graveyard = os.path.join(self.args.work, ".discarded")
            os.makedirs(graveyard, exist_ok=True)
            self.discarded += 1
            os.rename(path, os.path.join(graveyard, str(self.discarded)))

    # -- running one command ------------------------------------------------

    def run_once(self, argv, cwd=None, stdout=None):
        """Runs argv to completion; returns (wall s, user+sys s, peak MB)."""
        self.sample_competitors()
        err = tempfile.TemporaryFile()
        out = open(stdout, "wb") if stdout else subprocess.DEVNULL
        try:
            start = time.perf_counter()
            child = subprocess.Popen(argv, cwd=cwd, stdout=out, stderr=err,
                                     stdin=subprocess.DEVNULL, env=BENCH_ENV)
            _, status, usage = os.wait4(child.pid, 0)
            wall = time.perf_counter() - start
            child.returncode = os.waitstatus_to_exitcode(status)
        finally:
            if stdout:
                out.close()
        if child.returncode != 0:
            err.seek(0)
            message = err.read().decode("utf-8", "replace")[-4000:]
            sys.exit(f"bench: `{' '.join(argv)}` exited with {child.returncode}:\n{message}")
        return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024.0

    def sample_competitors(self):
        """Notes whether a compiler or linker not started here is running."""
        self.samples += 1
        mine = os.getpid()
        for entry in os.listdir("/proc"):
            if not entry.isdigit() or int(entry) == mine:
                continue
            try:
                with open(f"/proc/{entry}/comm") as comm:
                    if comm.read().strip() in COMPETITORS:
                        self.competitor_samples += 1
                        return
            except OSError:
                continue

    def measure(self, scale, name, argv, posts, size, prepare=None, cwd=None, stdout=None, slow=False):
        """One warm-up, then the best (least wall time) of 3 runs (x50: of 2).

        `prepare` runs before each run, untimed. The row keeps the fastest
        run's wall and CPU time and the highest peak memory of all runs. A
        `slow` program (Jekyll) is run once, without a warm-up.
        """
        runs = 1 if slow else 2 if scale >= 50 else 3
        if prepare:
            prepare()
        if not slow:
            self.run_once(argv, cwd=cwd, stdout=stdout)
        timings = []
        for _ in range(runs):
            if prepare:
                prepare()
            timings.append(self.run_once(argv, cwd=cwd, stdout=stdout))
        wall, cpu, _ = min(timings)
        peak = max(t[2] for t in timings)
        row = Measurement(scale, name, posts, size, wall, cpu, peak, runs)
        self.results[(scale, name)] = row
        print(f"  x{scale:<3} {name:<22} {wall:8.3f} s wall {cpu:8.3f} s CPU {peak:8.1f} MB", flush=True)
        return row

    # -- one scale ------------------------------------------------------------

    def run_scale(self, scale, corpus):
        args = self.args
        work = os.path.join(args.work, f"x{scale}")
        site = os.path.join(work, "site")
        replicate(corpus, scale, os.path.join(site, "_posts"))
        with open(os.path.join(site, "publish.yml"), "w") as f:
            f.write(SITE_PIPELINE)
        bodies = os.path.join(work, "bodies.md")
        posts = corpus.replicated_posts(scale)
        with open(bodies, "w", encoding="utf-8") as f:
            f.write("\n\n".join(p.body for p in posts))
        site_bytes = sum(os.path.getsize(os.path.join(site, "_posts", n))
                         for n in os.listdir(os.path.join(site, "_posts")))
        body_bytes = os.path.getsize(bodies)
        count = len(posts)
        print(f"x{scale}: {count} posts, {site_bytes / 1e6:.2f} MB of posts, "
              f"{body_bytes / 1e6:.2f} MB of bodies", flush=True)
        if args.prepare_only:
            return
        pristine = snapshot(site)
        out = os.path.join(work, "out")

        def clean():
            """The site folder as generated and no output: nothing cached, and
            no former output kept beside it for a build to recycle."""
            restore(site, pristine, self.discard)
            for folder in (out, os.path.join(work, ".out.previous"), os.path.join(work, ".out.staging")):
                self.discard(folder)

        publish = args.publish
        html_atom = [publish, "build", "--source", site, "--output", out,
                     "--format", "html", "--format", "atom", "--quiet"]
        self.measure(scale, "build html+atom", html_atom, count, site_bytes, prepare=clean)
        # The same with code left plain, for what highlighting costs.
        plain = os.path.join(work, "publish-plain.yml")
        with open(plain, "w") as f:
            f.write(SITE_PIPELINE.replace("site:\n", "site:\n  highlight: false\n", 1))
        self.measure(scale, "build html+atom, highlight off", html_atom + ["--pipeline", plain], count, site_bytes,
                     prepare=clean)
        # The floor of any build of that output on this disk: making its
        # files and folders and writing its bytes, nothing else.
        copy = os.path.join(work, "out-copy")
        self.measure(scale, "copy html+atom output", ["cp", "-r", out, copy], count, site_bytes,
                     prepare=lambda: self.discard(copy))
        self.discard(copy)
        self.measure(scale, "build all formats",
                     [publish, "build", "--source", site, "--output", out, "--quiet"],
                     count, site_bytes, prepare=clean)
        self.measure(scale, "render (bodies)", [publish, "render", bodies, "--to", "html"],
                     count, body_bytes)
        self.measure(scale, "cmark (bodies)", [args.cmark, bodies], count, body_bytes)
        # The same bodies as one post of a site of its own, for the memory
        # one long post takes from reading to its written page.
        one = os.path.join(work, "one-post")
        os.makedirs(os.path.join(one, "_posts"), exist_ok=True)
        with open(os.path.join(one, "_posts", "2020-01-01-everything.md"), "w", encoding="utf-8") as f, \
                open(bodies, encoding="utf-8") as b:
            f.write("---\ntitle: Everything\n---\n" + b.read())
        one_out = os.path.join(work, "one-post-out")
        self.measure(scale, "build one post (bodies)",
                     [publish, "build", "--source", one, "--output", one_out, "--format", "html", "--quiet"],
                     1, body_bytes, prepare=lambda: (self.discard(one_out),
                                                     self.discard(os.path.join(one, ".publish-cache"))))
        if scale == 1:
            self.measure(scale, "build epub", [publish, "build", "--source", site, "--output", out,
                                               "--format", "epub", "--quiet"],
                         count, site_bytes, prepare=clean)

        edited = os.path.join(site, "_posts", sorted(os.listdir(os.path.join(site, "_posts")))[count // 2])
        with open(edited, "rb") as f:
            original = f.read()
        edits = [0]

        def clean_build_then_edit():
            """A clean html+atom build, then one post's body changed."""
            clean()
            self.run_once(html_atom)
            edits[0] += 1
            with open(edited, "ab") as f:
                f.write(f"\nOne more line, edit {edits[0]}.\n".encode())

        self.measure(scale, "rebuild after 1 edit", html_atom, count, site_bytes,
                     prepare=clean_build_then_edit)
        with open(edited, "wb") as f:
            f.write(original)

        if args.jekyll_templates:
            # The same posts as a Jekyll site with a theme of its own: lanyon's
            # layouts, includes, paginated index.html and Liquid atom.xml.
            jekyll_site = os.path.join(work, "jekyll-site")
            make_jekyll_site(os.path.join(site, "_posts"), args.jekyll_templates, jekyll_site)
            jekyll_pristine = snapshot(jekyll_site)
            jekyll_out = os.path.join(work, "jekyll-site-out")

            def clean_jekyll():
                restore(jekyll_site, jekyll_pristine, self.discard)
                for folder in (jekyll_out, os.path.join(work, ".jekyll-site-out.previous"),
                               os.path.join(work, ".jekyll-site-out.staging")):
                    self.discard(folder)

            self.measure(scale, "build jekyll site (html)",
                         [publish, "build", "--source", jekyll_site, "--output", jekyll_out, "--format", "html", "--quiet"],
                         count, site_bytes, prepare=clean_jekyll)
            if shutil.which(args.jekyll):
                self.measure(scale, "jekyll build (same site)",
                             [args.jekyll, "build", "--quiet", "--source", jekyll_site, "--destination", jekyll_out],
                             count, site_bytes, prepare=clean_jekyll, slow=True)
            clean_jekyll()

        if args.peers:
            hugo_site = os.path.join(work, "hugo")
            write_hugo_site(posts, hugo_site)
            hugo_pristine = snapshot(hugo_site)
            hugo_out = os.path.join(work, "hugo-out")
            hugo_cache = os.path.join(work, "hugo-cache")

            def clean_hugo():
                restore(hugo_site, hugo_pristine, self.discard)
                self.discard(hugo_out)
                self.discard(hugo_cache)

            self.measure(scale, "hugo build", [args.hugo, "--source", hugo_site, "--destination", hugo_out,
                                               "--cacheDir", hugo_cache, "--quiet"],
                         count, site_bytes, prepare=clean_hugo)
            if scale == 1:
                book = os.path.join(work, "book.md")
                write_pandoc_book(posts, book)
                self.measure(scale, "pandoc epub", [args.pandoc, "--from", "gfm", "--to", "epub3",
                                                    "--metadata", "title=Bench News", "--metadata", "lang=en",
                                                    "--output", os.path.join(work, "pandoc.epub"), book],
                             count, os.path.getsize(book))
        for folder in (out, os.path.join(work, ".out.previous"), os.path.join(work, ".out.staging")):
            self.discard(folder)

    # -- reporting --------------------------------------------------------------

    def table(self):
        """The results as a Markdown table."""
        lines = ["| scale | measurement | posts | MB in | wall s | CPU s | peak MB | posts/s | MB/s | vs cmark (MB/s) | vs Hugo (wall) |",
                 "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
        for (scale, name), m in self.results.items():
            cmark = self.results.get((scale, "cmark (bodies)"))
            hugo = self.results.get((scale, "hugo build"))
            vs_cmark = f"{m.mb_per_s / cmark.mb_per_s:.2f}x" if cmark and name.startswith(("render", "cmark")) else "-"
            vs_hugo = f"{m.wall / hugo.wall:.2f}x" if hugo and name.startswith(("build", "rebuild", "hugo", "copy")) else "-"
            lines.append(f"| x{scale} | {name} | {m.posts} | {m.size / 1e6:.2f} | {m.wall:.3f} | {m.cpu:.3f} | "
                         f"{m.peak_mb:.1f} | {m.posts_per_s:.0f} | {m.mb_per_s:.2f} | {vs_cmark} | {vs_hugo} |")
        return "\n".join(lines)

    def targets(self):
        """The issue's targets, each PASS, MISS or not measured."""
        lines = []
        scales = sorted({scale for scale, _ in self.results})

        def get(scale, name):
            return self.results.get((scale, name))

        for s in scales:
            full, every = get(s, "build html+atom"), get(s, "build all formats")
            render, cmark = get(s, "render (bodies)"), get(s, "cmark (bodies)")
            rebuild, hugo = get(s, "rebuild after 1 edit"), get(s, "hugo build")
            floor = get(s, "copy html+atom output")
            if hugo:
                ratio = full.wall / hugo.wall
                lines.append(f"x{s} html+atom <= 0.2x Hugo's wall: {ratio:.2f}x ({full.wall:.3f} s vs {hugo.wall:.3f} s) {verdict(ratio <= 0.2)}"
                             + (f"; copying that output alone (cp -r) takes {floor.wall:.3f} s = {floor.wall / hugo.wall:.2f}x" if floor else ""))
            else:
                lines.append(f"x{s} html+atom <= 0.2x Hugo's wall: not measured (PEERS=1)")
            lines.append(f"x{s} html+atom peak memory < 500 MB: {full.peak_mb:.1f} MB {verdict(full.peak_mb < 500)}")
            plain = get(s, "build html+atom, highlight off")
            if plain:
                ratio = full.wall / plain.wall
                lines.append(f"x{s} html+atom with code highlighted <= 1.15x with it off: {ratio:.2f}x "
                             f"({full.wall:.3f} s vs {plain.wall:.3f} s) {verdict(ratio <= 1.15)}")
            if hugo:
                ratio = every.wall / hugo.wall
                lines.append(f"x{s} all formats <= 0.5x Hugo's wall: {ratio:.2f}x ({every.wall:.3f} s vs {hugo.wall:.3f} s) {verdict(ratio <= 0.5)}")
            else:
                lines.append(f"x{s} all formats <= 0.5x Hugo's wall: not measured (PEERS=1)")
            ratio = render.mb_per_s / cmark.mb_per_s
            lines.append(f"x{s} render >= 0.5x cmark's MB/s: {ratio:.2f}x ({render.mb_per_s:.2f} vs {cmark.mb_per_s:.2f} MB/s) {verdict(ratio >= 0.5)}")
            ratio = rebuild.wall / full.wall
            lines.append(f"x{s} rebuild after one edit <= 0.05x the full build: {ratio:.2f}x ({rebuild.wall:.3f} s vs {full.wall:.3f} s) {verdict(ratio <= 0.05)}")
            for name in ("render (bodies)", "build one post (bodies)"):
                m = get(s, name)
                if m:
                    ratio = m.peak_mb / (m.size / 1e6)
                    lines.append(f"x{s} {name}: peak memory <= 10x the input: {ratio:.1f}x "
                                 f"({m.peak_mb:.0f} MB for {m.size / 1e6:.1f} MB) {verdict(ratio <= 10)}")
        for s in scales:
            ours, theirs, hugo = get(s, "build jekyll site (html)"), get(s, "jekyll build (same site)"), get(s, "hugo build")
            if ours and theirs:
                ratio = theirs.wall / ours.wall
                lines.append(f"x{s} a Jekyll site with its own layouts >= 20x faster than Jekyll: {ratio:.1f}x "
                             f"({ours.wall:.3f} s vs {theirs.wall:.3f} s) {verdict(ratio >= 20)}")
            elif ours:
                lines.append(f"x{s} a Jekyll site with its own layouts >= 20x faster than Jekyll: not measured (no jekyll)")
            if ours and hugo:
                ratio = ours.wall / hugo.wall
                lines.append(f"x{s} that site's HTML <= 0.2x Hugo's wall: {ratio:.2f}x ({ours.wall:.3f} s vs {hugo.wall:.3f} s) "
                             f"{verdict(ratio <= 0.2)}")
        epub, pandoc = get(1, "build epub"), get(1, "pandoc epub")
        if epub and pandoc:
            ratio = epub.wall / pandoc.wall
            lines.append(f"x1 EPUB <= 0.1x pandoc's time: {ratio:.2f}x ({epub.wall:.3f} s vs {pandoc.wall:.3f} s) {verdict(ratio <= 0.1)}")
        elif epub:
            lines.append("x1 EPUB <= 0.1x pandoc's time: not measured (PEERS=1)")
        lines.append(f"Sending 10,000 messages: {measure_send_10000(self)}")
        return lines


def make_jekyll_site(posts, templates, site):
    """The replicated posts with a Jekyll site's own theme: its `_config.yml`,
    `_layouts`, `_includes`, pages with front matter and static files (not
    its posts). A post naming a layout the theme lacks gets the theme's post
    layout through a stand-in."""
    shutil.copytree(posts, os.path.join(site, "_posts"))
    # Jekyll stops at a `{% link %}` to a file the site lacks (the corpus
    # links to Jekyll's own docs): those become plain paths in both builds.
    for name in os.listdir(os.path.join(site, "_posts")):
        path = os.path.join(site, "_posts", name)
        with open(path, encoding="utf-8") as f:
            text = f.read()
        changed = re.sub(r"\{%-?\s*link\s+(\S+?)\s*-?%\}", r"/\1", text)
        if changed != text:
            with open(path, "w", encoding="utf-8") as f:
                f.write(changed)
    for name in os.listdir(templates):
        if name in ("_posts", "_site", ".jekyll-cache", ".publish-cache") or name.endswith(".md") and name.split(".")[0].isupper():
            continue
        source = os.path.join(templates, name)
        (shutil.copytree if os.path.isdir(source) else shutil.copy)(source, os.path.join(site, name))
    layouts = os.path.join(site, "_layouts")
    for name in ("news_item", "news", "docs"):
        if not os.path.exists(os.path.join(layouts, name + ".html")):
            with open(os.path.join(layouts, name + ".html"), "w") as f:
                f.write("---\nlayout: post\n---\n{{ content }}\n")


def measure_templates(binary):
    """A post layout with two partials and a loop over 20 posts, rendered
    by PublishLiquid and by swift-mustache in one process (the binary checks
    that both wrote the same page); the better of three runs of each."""
    best = {"liquid": 0.0, "mustache": 0.0}
    for _ in range(3):
        line = subprocess.run([binary], capture_output=True, text=True, check=True).stdout.strip()
        for engine, rate in re.findall(r"(liquid|mustache) (\d+) renders/s", line):
            best[engine] = max(best[engine], float(rate))
    ratio = best["liquid"] / best["mustache"]
    return (f"Liquid post layout >= swift-mustache's renders/s: {ratio:.2f}x "
            f"({best['liquid']:.0f} vs {best['mustache']:.0f} renders/s) {verdict(ratio >= 1.0)}")


def verdict(ok):
    return "PASS" if ok else "MISS"


def measure_send_10000(bench, count=10000):
    """`publish send` of one post to `count` subscribers through a loopback
    SMTP sink (bench/smtp_sink.py, aiosmtpd in its own process), with no
    rate cap, two connections and an Ed25519 DKIM signature on every
    message. The sink must have accepted exactly `count` messages."""
    try:
        import aiosmtpd  # noqa: F401  (the sink runs it; checked here for a clear message)
    except ImportError:
        sys.exit("bench: the Python package aiosmtpd is missing (make bench installs it)")
    work = tempfile.mkdtemp(prefix="publish-send-bench-")
    sink = subprocess.Popen([sys.executable, os.path.join(os.path.dirname(os.path.abspath(__file__)), "smtp_sink.py")],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        port = int(sink.stdout.readline().split()[1])
        os.makedirs(os.path.join(work, "_posts"))
        with open(os.path.join(work, "_posts", "2024-02-10-issue.md"), "w", encoding="utf-8") as f:
            f.write("---\ntitle: 新年快乐 — issue one\n---\n"
                    + "A paragraph of the issue, with [a link](https://example.org/a) and `code`.\n\n" * 40)
        with open(os.path.join(work, "_config.yml"), "w") as f:
            f.write("title: Bench\nurl: https://bench.example.org\n")
        key = os.path.join(work, "dkim.pem")
        subprocess.run(["openssl", "genpkey", "-algorithm", "ed25519", "-out", key], check=True, capture_output=True)
        with open(os.path.join(work, "publish.yml"), "w") as f:
            f.write("outputs:\n  email:\n    from: Bench <news@bench.example.org>\n"
                    f"    smtp: {{url: \"smtp://127.0.0.1:{port}\", tls: none}}\n"
                    f"    dkim: {{domain: bench.example.org, selector: mail, key: {key}}}\n"
                    "    rate: 0\n    connections: 2\n")
        with open(os.path.join(work, "list.csv"), "w") as f:
            f.write("email,name\n" + "".join(f"reader{i}@example.net,Reader {i}\n" for i in range(count)))
        subprocess.run([bench.args.publish, "subscribers", "import", os.path.join(work, "list.csv"), "--source", work],
                       check=True, capture_output=True)
        env = dict(BENCH_ENV, PUBLISH_UNSUBSCRIBE_SECRET="bench-secret")
        start = time.perf_counter()
        child = subprocess.Popen([bench.args.publish, "send", "--source", work, "--quiet"],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
        errors = child.stderr.read().decode("utf-8", "replace")
        sink.stdin.close()
        received = int(sink.stdout.readline())
        if os.waitstatus_to_exitcode(status) != 0 or received != count:
            sys.exit(f"bench: the send exited {os.waitstatus_to_exitcode(status)} and the sink got {received} "
                     f"of {count} messages:\n{errors[-2000:]}")
        row = Measurement(1, "send 10,000 messages", count, 0, wall, usage.ru_utime + usage.ru_stime,
                          usage.ru_maxrss / 1024.0, 1)
        bench.results[(1, row.name)] = row
        rate = count / wall
        return f"{rate:.0f} messages/s ({wall:.2f} s wall, {row.cpu:.2f} s CPU) {verdict(rate >= 500)} (target >= 500/s)"
    finally:
        if sink.poll() is None:
            sink.kill()
        shutil.rmtree(work, ignore_errors=True)


def snapshot(root):
    """Every path under root, as generated."""
    paths = set()
    for folder, dirs, files in os.walk(root):
        for name in dirs + files:
            paths.add(os.path.join(folder, name))
    return paths


def restore(root, pristine, discard):
    """Removes whatever a run added under root (caches, outputs); folders
    go to `discard`."""
    for folder, dirs, files in os.walk(root, topdown=True):
        for name in list(dirs):
            path = os.path.join(folder, name)
            if path not in pristine:
                discard(path)
                dirs.remove(name)
        for name in files:
            path = os.path.join(folder, name)
            if path not in pristine:
                os.remove(path)


def machine():
    """CPU model, cores, memory and OS of this machine, as one line."""
    model = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    memory = "unknown"
    try:
        with open("/proc/meminfo") as f:
            for line in f:
                if line.startswith("MemTotal:"):
                    memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
                    break
    except OSError:
        pass
    system = platform.platform()
    try:
        with open("/etc/os-release") as f:
            for line in f:
                if line.startswith("PRETTY_NAME="):
                    system = line.split("=", 1)[1].strip().strip('"') + ", Linux " + platform.release()
    except OSError:
        pass
    return f"{model}, {os.cpu_count()} cores, {memory} memory, {system}"


def tool_version(argv):
    try:
        out = subprocess.run(argv, capture_output=True, text=True, timeout=30).stdout
        return out.strip().splitlines()[0] if out.strip() else "unknown"
    except (OSError, subprocess.SubprocessError):
        return "unknown"


def commit():
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
        # The results file itself does not make the measured code uncommitted.
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no", "--", ".",
                                ":(exclude)bench/RESULTS.md"],
                               capture_output=True, text=True).stdout.strip()
        return head + (" (with uncommitted changes)" if dirty else "")
    except OSError:
        return "unknown"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--publish", required=True, help="the publish binary (a release build)")
    parser.add_argument("--corpus", required=True, help="a folder of Jekyll posts")
    parser.add_argument("--scales", default="1,10,50", help="copies of the corpus, comma-separated")
    parser.add_argument("--peers", action="store_true", help="also time hugo and pandoc")
    parser.add_argument("--cmark", default="cmark")
    parser.add_argument("--hugo", default="hugo")
    parser.add_argument("--pandoc", default="pandoc")
    parser.add_argument("--results", help="append the results to this Markdown file")
    parser.add_argument("--build", default="swift build -c release", help="how publish was built, for the record")
    parser.add_argument("--note", default="", help="a line added to the record")
    parser.add_argument("--template-bench", help="publish-template-bench: Liquid against swift-mustache on one layout")
    parser.add_argument("--jekyll-templates",
                        help="a Jekyll site (lanyon) whose layouts, includes and Liquid pages dress the replicated posts")
    parser.add_argument("--jekyll", default="jekyll", help="Jekyll, timed on that site when it is installed")
    parser.add_argument("--work", help="where corpora and outputs go (default: a temporary folder, removed)")
    parser.add_argument("--prepare-only", action="store_true",
                        help="write the corpora (site, bodies.md) into --work and stop")
    args = parser.parse_args()
    args.publish = os.path.abspath(args.publish)
    scales = [int(s) for s in args.scales.split(",") if s.strip()]
    for tool in [args.publish, args.cmark] + ([args.hugo, args.pandoc] if args.peers else []):
        if not shutil.which(tool):
            sys.exit(f"bench: {tool} not found")
    corpus = Corpus.read(args.corpus)
    temporary = args.work is None
    args.work = os.path.abspath(args.work or tempfile.mkdtemp(prefix="publish-bench-"))
    os.makedirs(args.work, exist_ok=True)
    bench = Bench(args)
    started = datetime.datetime.now(datetime.timezone.utc)
    load_before = os.getloadavg()
    try:
        for scale in scales:
            bench.run_scale(scale, corpus)
    finally:
        shutil.rmtree(os.path.join(args.work, ".discarded"), ignore_errors=True)
        if temporary:
            shutil.rmtree(args.work, ignore_errors=True)
    if args.prepare_only:
        print(f"corpora in {args.work}")
        return
    load_after = os.getloadavg()

    table, targets = bench.table(), bench.targets()
    if args.template_bench:
        targets.append(measure_templates(args.template_bench))
    competition = (f"another compiler or linker was running at {bench.competitor_samples} of the "
                   f"{bench.samples} timed starts" if bench.competitor_samples
                   else f"no other compiler or linker was running at any of the {bench.samples} starts")
    record = [
        f"## {started:%Y-%m-%d %H:%M} UTC, commit {commit()}",
        "",
        f"- Machine: {machine()}",
        f"- Corpus: {os.path.abspath(args.corpus)} ({len(corpus.posts)} posts, {corpus.size / 1e6:.2f} MB), scales "
        + ", ".join(f"x{s}" for s in scales),
        f"- publish: `{args.build}`; cmark: {tool_version([args.cmark, '--version'])}"
        + (f"; hugo: {tool_version([args.hugo, 'version'])}; pandoc: {tool_version([args.pandoc, '--version'])}"
           if args.peers else "; peers not run (PEERS=1 runs hugo and pandoc)"),
        f"- Load average {load_before[0]:.2f} at the start, {load_after[0]:.2f} at the end; {competition}.",
    ]
    if args.note:
        record.append(f"- {args.note}")
    record += ["", table, "", "Targets:", ""] + [f"- {line}" for line in targets] + [""]
    text = "\n".join(record)
    print()
    print(text)
    if args.results:
        with open(args.results, "a", encoding="utf-8") as f:
            f.write("\n" + text)
        print(f"appended to {args.results}")


if __name__ == "__main__":
    main()
