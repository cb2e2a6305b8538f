#!/usr/bin/env python3
"""Builds the example site's newsletter previews, with extra posts that are
hard on a phone (a long URL, a long code line, a wide table, a long Chinese
slug, an SVG image, footnotes), takes each message's HTML part with Python's
`email` package and opens it in headless Chromium, as a phone (390 px wide,
mobile viewport) and as a desktop (1280 px):

- at 390 px, `document.documentElement.scrollWidth <= 390`: nothing is cut
  off and there is no sideways scrolling (a code block may scroll inside
  its own box);
- at 1280 px, the column is at most 600 px wide;
- no `<img>` shows an SVG, and the masthead, "view in browser", "read on
  the site" and unsubscribe links are there.

The remote images do not load here (no network), which is how a reader with
images blocked sees the message: the alt text must fit too.

Chromium, its driver and Selenium are needed (`make test-deps` installs
them); a missing one fails the check, it is never skipped.
`--screenshots DIR` keeps a PNG of each message at each width.
"""
import argparse
import email
import email.policy
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile

try:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
except ImportError:
    sys.exit("email_browser_check: the Python package selenium is missing (python3 -m pip install selenium, "
             "or make test-deps)")

EXTRA_POSTS = {
    "2025-03-01-phone-test.md": """---
title: A post that is hard on a phone
---
A link with no breaks: https://example.org/a/very/long/path/with-no-spaces/that-would-not-fit/on-a-phone-screen/index.html?and=a&long=query

```swift
let aVeryLongLineOfCodeThatWouldSetTheMinimumWidthOfTheWholeMessage = somethingElseEntirely(argument: 42, other: "text")
```

| a wide | table | with | many | columns | and_some_long_unbreakable_words_in_it | more | columns |
|---|---|---|---|---|---|---|---|
| 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 |

An inline `/usr/local/share/some/deeply/nested/path/to/a/configuration/file.yml` path.

![A diagram of the build pipeline, as an SVG](/images/bookshelf.svg)

![A lantern](/images/lantern.png)

A claim.[^1]

[^1]: The note, with https://example.org/another/long/link/in/the/footnote/that/goes/on/and/on.html
""",
    "2025-03-02-中文排版的几个小习惯再谈一次标题很长的文章.md": """---
title: 中文排版的几个小习惯，再谈一次，标题很长的文章会不会撑破手机屏幕
lang: zh-CN
---
正文很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长。
""",
}


def run(command):
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"email_browser_check: {' '.join(command)} failed:\n{result.stdout}{result.stderr}")
    return result.stdout


def driver():
    for tool in ["chromium", "chromedriver"]:
        if not shutil.which(tool):
            sys.exit(f"email_browser_check: {tool} is missing (apt-get install chromium chromium-driver, "
                     "or make test-deps)")
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium")
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--hide-scrollbars", "--window-size=1280,900"]:
        options.add_argument(argument)
    try:
        return webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)
    except Exception as error:  # the driver's own message says what is wrong
        sys.exit(f"email_browser_check: Chromium did not start: {error}")


def html_part(path):
    message = email.message_from_bytes(open(path, "rb").read(), policy=email.policy.default)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            return part.get_content()
    sys.exit(f"email_browser_check: {path} has no text/html part")


def look(browser, page, width, screenshot):
    """Opens `page` as a screen `width` px wide: its scroll width, the
    column's width, and a screenshot when asked."""
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 600})
    browser.get("file://" + page)
    scroll = browser.execute_script("return document.documentElement.scrollWidth")
    column = browser.execute_script(
        "return Math.max(...Array.from(document.querySelectorAll('table[align=center]'))"
        ".map(t => t.getBoundingClientRect().width))")
    if screenshot:
        height = browser.execute_script("return document.documentElement.scrollHeight")
        browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": width, "height": min(height, 4000), "deviceScaleFactor": 1, "mobile": width < 600})
        browser.save_screenshot(screenshot)
    return scroll, column


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--publish", required=True)
    parser.add_argument("--site", default="examples/site")
    parser.add_argument("--screenshots", help="a folder for a PNG of each message at each width")
    arguments = parser.parse_args()

    with tempfile.TemporaryDirectory() as temp:
        site = os.path.join(temp, "site")
        shutil.copytree(arguments.site, site)
        for name, text in EXTRA_POSTS.items():
            with open(os.path.join(site, "_posts", name), "w", encoding="utf-8") as post:
                post.write(text)
        output = os.path.join(temp, "out")
        run([arguments.publish, "build", "--source", site, "--output", output, "--format", "email", "--quiet"])
        files = sorted(glob.glob(os.path.join(output, "newsletter", "*.eml")))
        if len(files) < len(EXTRA_POSTS) + 1:
            sys.exit(f"email_browser_check: only {len(files)} messages were built")
        if arguments.screenshots:
            os.makedirs(arguments.screenshots, exist_ok=True)

        problems = []
        browser = driver()
        try:
            for path in files:
                name = os.path.splitext(os.path.basename(path))[0]
                html = html_part(path)
                if re.search(r"<img\b[^>]*\.svg", html, re.IGNORECASE):
                    problems.append(f"{name}: an <img> of an SVG")
                for needle in ["<td class=\"publish-pad\" align=\"right\"", "bgcolor=", "unsubscribe?id="]:
                    if needle not in html:
                        problems.append(f"{name}: no {needle}")
                page = os.path.join(temp, "page.html")
                with open(page, "w", encoding="utf-8") as file:
                    file.write(html)
                for width in [390, 1280]:
                    shot = os.path.join(arguments.screenshots, f"{name}-{width}.png") if arguments.screenshots else None
                    scroll, column = look(browser, page, width, shot)
                    if scroll > width:
                        problems.append(f"{name}: at {width} px the page is {scroll} px wide")
                    if column > min(width, 600) + 0.5:
                        problems.append(f"{name}: at {width} px the column is {column} px wide")
        finally:
            browser.quit()
        if problems:
            sys.exit("email_browser_check: " + "\n".join(problems))
        print(f"email_browser_check: {len(files)} messages in Chromium: none wider than 390 px on a phone, "
              "the column at most 600 px at 1280 px, no SVG image")


if __name__ == "__main__":
    main()
