#!/usr/bin/env python3
"""The site and the book as a reader sees them, in headless Chromium.

Builds the example site, and a generated site of Chinese and English posts
with long URLs, wide code, tables and images, with `publish`; serves each
output on 127.0.0.1 and opens every HTML page at 390 px and 1280 px wide:

- no page is wider than a phone's viewport (`scrollWidth` <= 390);
- no image is broken (every `<img>` loaded, `naturalWidth` > 0);
- `<html lang>` is the site's language on list pages, and each post's own
  (a post in English on a Chinese site says `en`);
- the book's chapters, opened from the EPUB with its stylesheet, set code in
  a monospace font and never justify it, in Chinese chapters too, and the
  books pass epubcheck;
- under `publish serve`, an edit reloads the open page, and a post the edit
  breaks shows its error over the page until it is fixed.

Screenshots of every page at both widths go to a temporary folder, printed
at the end, so a person can look. Needs chromium, chromium-driver and the
selenium package (`make test-deps` installs them); a missing one fails.
"""

import argparse
import functools
import http.server
import os
import re
import struct
import subprocess
import sys
import tempfile
import threading
import zipfile
import zlib

try:
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service
except ImportError:
    sys.exit("browser_check: the Python package selenium is missing (make test-deps installs it)")


def png(width, height, rgb):
    """A small solid PNG, written without any imaging library."""
    raw = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


LONG_URL = "https://example.org/" + "/".join(["a-very-long-path-segment-that-never-breaks"] * 4) + "?q=" + "x" * 80
CJK_POSTS = {
    "_config.yml": "title: 技术笔记\nlang: zh-CN\nurl: https://notes.example\n",
    "_posts/2020-01-01-chang-lian-jie.md": (
        "---\ntitle: 长链接与代码\ncategories: [技术]\ntags: [openstack, 排版]\n---\n"
        "这篇文章有一个很长的链接：" + LONG_URL + "，还有一段很宽的代码。\n\n"
        "```sh\ngo test -timeout 30s -run '^TestAVeryLongTestNameThatGoesOnAndOn$' "
        "github.com/example/project/internal/some/deeply/nested/package/name\n```\n\n"
        "| 列一 | 列二 | 列三 | 列四 | 列五 | 列六 |\n|---|---|---|---|---|---|\n"
        "| " + " | ".join(["很长很长的单元格内容"] * 6) + " |\n\n"
        "![图](/images/wide.png)\n\n![相对路径的图](images/wide.png)\n"),
    "_posts/2020-02-01-english.md": (
        "---\ntitle: A post in English\nlang: en\n---\n"
        "An English post on a Chinese site, with a link: <" + LONG_URL + ">.\n"),
    "_posts/2020-03-01-shu-ju.md": (
        "---\ntitle: 配置\n---\n"
        "```yaml\nserver:\n  port: 8080\n  hosts: [a.example.org, b.example.org, c.example.org, d.example.org]\n```\n"),
    "about.md": "---\ntitle: 关于\n---\n关于这个网站。\n",
}


def write_site(root, files, binary):
    for path, text in files.items():
        full = os.path.join(root, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w", encoding="utf-8") as f:
            f.write(text)
    for path, data in binary.items():
        full = os.path.join(root, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "wb") as f:
            f.write(data)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(folder):
    handler = functools.partial(QuietHandler, directory=folder)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def browser():
    options = Options()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--hide-scrollbars", "--force-device-scale-factor=1"):
        options.add_argument(argument)
    binary = next((b for b in ("/usr/bin/chromium", "/usr/bin/chromium-browser") if os.path.exists(b)), None)
    if binary is None:
        sys.exit("browser_check: chromium is missing (make test-deps installs it)")
    options.binary_location = binary
    driver_path = next((d for d in ("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver") if os.path.exists(d)), None)
    if driver_path is None:
        sys.exit("browser_check: chromedriver is missing (Debian's chromium-driver; make test-deps installs it)")
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    driver.set_script_timeout(30)
    return driver


def pages(folder):
    for directory, _, names in os.walk(folder):
        for name in sorted(names):
            if name.endswith(".html"):
                yield os.path.relpath(os.path.join(directory, name), folder)


WAIT_FOR_IMAGES = """
const done = arguments[arguments.length - 1];
const images = Array.from(document.images);
// Lazy images below the fold would never load in a window that does not scroll.
images.forEach(i => { i.loading = 'eager'; });
Promise.all(images.map(i => i.complete ? null : new Promise(r => { i.onload = i.onerror = r; })))
  .then(() => done(images.filter(i => i.naturalWidth === 0 && new URL(i.currentSrc || i.src).host === location.host)
                         .map(i => i.getAttribute('src'))));
"""


def check_site(driver, name, folder, expected_lang, shots, problems, missing=()):
    server = serve(folder)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    count = 0
    try:
        for page in pages(folder):
            count += 1
            for width in (390, 1280):
                driver.set_window_size(width, 900)
                driver.get(base + page)
                # Images the build warned are missing are broken on purpose (the example site has one).
                broken = [src for src in driver.execute_async_script(WAIT_FOR_IMAGES)
                          if not any(src.endswith(file) for file in missing)]
                if broken:
                    problems.append(f"{name}/{page}: broken images {broken}")
                if width == 390:
                    wide = driver.execute_script("return document.documentElement.scrollWidth")
                    inner = driver.execute_script("return window.innerWidth")
                    if wide > inner:
                        problems.append(f"{name}/{page}: {wide} px wide at a {inner} px viewport")
                lang = driver.execute_script("return document.documentElement.lang")
                want = expected_lang(page, driver)
                if want and lang.split("-")[0] != want.split("-")[0]:
                    problems.append(f"{name}/{page}: <html lang=\"{lang}\">, expected {want}")
                height = driver.execute_script("return document.documentElement.scrollHeight")
                driver.set_window_size(width, min(max(height, 600), 8000))
                driver.save_screenshot(os.path.join(shots, f"{name}-{page.replace('/', '_')}-{width}.png"))
                if width == 1280:
                    highlighted = check_code_colours(driver, name, page, "light", problems)
                    CODE_BLOCKS[0] += highlighted
                    if highlighted:
                        # The reader's system in dark mode: the theme's dark palette.
                        driver.execute_cdp_cmd("Emulation.setEmulatedMedia",
                                               {"features": [{"name": "prefers-color-scheme", "value": "dark"}]})
                        check_code_colours(driver, name, page, "dark", problems)
                        driver.save_screenshot(os.path.join(shots, f"{name}-{page.replace('/', '_')}-{width}-dark.png"))
                        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})
    finally:
        server.shutdown()
    return count


CODE_BLOCKS = [0]


CODE_COLOURS = """
const out = [];
// Each block of code that has tokens: its <pre> (in a line-number table, the code's).
for (const block of document.querySelectorAll('pre')) {
  if (!block.querySelector('span[class]') || block.classList.contains('lineno')) continue;
  const style = getComputedStyle(block.closest('.highlight') || block);
  const colours = new Set();
  for (const span of block.querySelectorAll('span[class]')) colours.add(getComputedStyle(span).color);
  out.push([style.backgroundColor, style.color, [...colours]]);
}
return out;
"""


def rgb(css):
    values = [float(v) for v in re.findall(r"[\d.]+", css)[:3]]
    return values if len(values) == 3 else [0, 0, 0]


def contrast(a, b):
    def luminance(colour):
        channels = [c / 255 for c in colour]
        channels = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
    x, y = sorted([luminance(a), luminance(b)], reverse=True)
    return (x + 0.05) / (y + 0.05)


def check_code_colours(driver, name, page, scheme, problems):
    """Highlighted code shows its tokens in several colours, each readable on the block's background."""
    blocks = driver.execute_script(CODE_COLOURS)
    for background, foreground, colours in blocks:
        if len(set(colours) | {foreground}) < 3:
            problems.append(f"{name}/{page} ({scheme}): highlighted code in {len(colours)} colour(s) only")
        for colour in colours:
            ratio = contrast(rgb(colour), rgb(background))
            if ratio < 3:
                problems.append(f"{name}/{page} ({scheme}): code coloured {colour} on {background}: contrast {ratio:.1f}")
    return len(blocks)


CODE_STYLE = """
const out = [];
for (const pre of document.querySelectorAll('pre')) {
  const style = getComputedStyle(pre);
  out.push([style.fontFamily, style.textAlign]);
}
return out;
"""


def check_book(driver, name, epub, problems):
    folder = tempfile.mkdtemp(prefix="publish-book-")
    with zipfile.ZipFile(epub) as archive:
        archive.extractall(folder)
    server = serve(folder)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    checked = 0
    try:
        chapters = sorted(os.path.relpath(os.path.join(d, n), folder) for d, _, ns in os.walk(folder) for n in ns
                          if n.startswith("chapter") and n.endswith(".xhtml"))
        for chapter in chapters:
            driver.get(base + chapter)
            check_code_colours(driver, name, chapter, "book", problems)
            for family, align in driver.execute_script(CODE_STYLE):
                checked += 1
                if "monospace" not in family.lower():
                    problems.append(f"{name}: {chapter}: code in {family}")
                if align == "justify":
                    problems.append(f"{name}: {chapter}: code justified")
    finally:
        server.shutdown()
    if checked == 0:
        problems.append(f"{name}: no code block found in the book's chapters; the check checked nothing")
    return checked


def free_port():
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(condition, seconds):
    import time
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


def check_serve(driver, publish, source, problems):
    """Under `publish serve`, a saved edit reloads the open page, and a post
    broken by the edit shows the error over the page until it is fixed."""
    port = free_port()
    server = subprocess.Popen([publish, "serve", "--source", source, "--port", str(port), "--quiet",
                               "--format", "html"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    post = os.path.join(source, "_posts", "2020-03-01-shu-ju.md")
    with open(post, encoding="utf-8") as f:
        original = f.read()
    try:
        url = f"http://127.0.0.1:{port}/2020/03/01/shu-ju.html"
        if not wait_for(lambda: page_ready(driver, url), 60):
            problems.append("serve: the page was not served within 60 s")
            return
        driver.execute_script("window.__publishMarker = 1")
        with open(post, "w", encoding="utf-8") as f:
            f.write(original.replace("title: 配置", "title: 配置（改）"))
        if not wait_for(lambda: driver.execute_script("return window.__publishMarker === undefined"), 20):
            problems.append("serve: the page did not reload within 20 s of an edit")
        elif "配置（改）" not in driver.title:
            problems.append(f"serve: the reloaded page has the old title: {driver.title}")
        with open(post, "w", encoding="utf-8") as f:
            f.write("---\ntitle: [broken\n---\nBody\n")
        overlay = lambda: driver.execute_script(
            "const o = document.getElementById('publish-errors'); return o ? o.innerText : null")
        if not wait_for(lambda: overlay() and "_posts/2020-03-01-shu-ju.md:3:1: error:" in overlay(), 20):
            problems.append(f"serve: no error overlay naming the broken post within 20 s (saw {overlay()!r})")
        with open(post, "w", encoding="utf-8") as f:
            f.write(original)
        if not wait_for(lambda: overlay() is None, 20):
            problems.append("serve: the error overlay stayed after the post was fixed")
    finally:
        with open(post, "w", encoding="utf-8") as f:
            f.write(original)
        server.terminate()
        server.wait(timeout=10)


def page_ready(driver, url):
    try:
        driver.get(url)
        return "配置" in driver.title
    except Exception:
        return False


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--publish", required=True)
    parser.add_argument("--example", default="examples/site")
    parser.add_argument("--epubcheck", default=os.environ.get("EPUBCHECK_JAR", "/usr/share/java/epubcheck.jar"))
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="publish-browser-")
    shots = os.path.join(work, "screenshots")
    os.makedirs(shots)
    cjk = os.path.join(work, "cjk")
    write_site(cjk, CJK_POSTS, {"images/wide.png": png(1600, 40, (40, 120, 200))})
    sites = [("example", args.example, "en"), ("cjk", cjk, "zh")]
    problems = []
    driver = browser()
    try:
        for name, source, language in sites:
            out = os.path.join(work, name + "-site")
            run = subprocess.run([args.publish, "build", "--source", source, "--output", out,
                                  "--format", "html", "--format", "epub"], capture_output=True, text=True)
            if run.returncode != 0:
                sys.exit(f"browser_check: publish build of {source} failed:\n{run.stderr}")
            missing = re.findall(r"warning: this image points at (\S+), which is not a file of the site", run.stderr)

            def expected(page, driver, language=language):
                # A post says its own language in its article; the page's must agree.
                own = driver.execute_script("const a = document.querySelector('article[lang]');"
                                            "return a ? a.getAttribute('lang') : null")
                return own or language

            count = check_site(driver, name, out, expected, shots, problems, missing)
            books = [os.path.join(d, n) for d, _, ns in os.walk(out) for n in ns if n.endswith(".epub")]
            blocks = sum(check_book(driver, name, book, problems) for book in books)
            for book in books:
                check = subprocess.run(["java", "-jar", args.epubcheck, book], capture_output=True, text=True)
                if check.returncode != 0:
                    problems.append(f"{name}: epubcheck: {check.stdout[-800:]}{check.stderr[-800:]}")
            print(f"browser_check: {name}: {count} pages at 390 and 1280 px, {len(books)} book(s) through epubcheck, "
                  f"{blocks} code blocks in chapters")
        driver.set_window_size(1280, 900)
        before = len(problems)
        check_serve(driver, args.publish, cjk, problems)
        if len(problems) == before:
            print("browser_check: serve: an edit reloads the page; a broken post shows its error over it until fixed")
    finally:
        driver.quit()
    if CODE_BLOCKS[0] == 0:
        problems.append("no highlighted code block in any page; the colour check checked nothing")
    print(f"browser_check: {CODE_BLOCKS[0]} highlighted code blocks in several colours, readable light and dark")
    print(f"browser_check: screenshots in {shots}")
    if problems:
        print("\n".join("  " + p for p in problems))
        sys.exit(f"browser_check: {len(problems)} problems")
    print("browser_check: no page wider than 390 px, no broken image, every lang right, code monospace in the books")


if __name__ == "__main__":
    main()
