#!/usr/bin/env python3
"""Builds the example site's newsletter previews, signed once with an
Ed25519 key and once with an RSA key (both made here with openssl), in a
temporary copy of the site with an extra post whose title has emoji, and
judges every message with Python's `email` package and dkimpy:

- it parses with email.policy.default and no part has a defect;
- its subject decodes to the post's title; From, To, Date, Message-ID,
  List-Id, List-Unsubscribe and List-Unsubscribe-Post are there;
- it is multipart/alternative with a text/plain and a text/html part, and
  both show an unsubscribe link and the sender's postal address;
- the HTML part has no script, iframe, form or SVG image, and no style
  element but the head's one @media rule for phones;
- every line ends with CRLF and is at most 998 octets;
- its DKIM signature verifies, the public key served by a dnsfunc stub,
  and covers the fields the newsletter promises to sign.
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

import dkim
import yaml

EMOJI_TITLE = "Launch day 🚀 — 新年快乐 🧧 and a café ☕ with a long tail of words to fold 👩‍👩‍👧‍👦"
ADDRESS = "Notes from the Workbench, 88 Example Lane, Springfield, OR 97477, USA"
SIGNED = {b"from", b"to", b"subject", b"date", b"message-id", b"mime-version", b"content-type",
          b"list-unsubscribe", b"list-unsubscribe-post"}


def run(command):
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"email_check: {' '.join(command)} failed:\n{result.stdout}{result.stderr}")
    return result.stdout


def public_key_record(pem_path, kind):
    """The TXT record of the key, as `publish` would tell the user to publish."""
    der = subprocess.run(["openssl", "pkey", "-in", pem_path, "-pubout", "-outform", "DER"],
                         capture_output=True, check=True).stdout
    import base64
    if kind == "ed25519":
        return b"v=DKIM1; k=ed25519; p=" + base64.b64encode(der[-32:])
    return b"v=DKIM1; k=rsa; p=" + base64.b64encode(der)


def titles(site):
    """Each published post's slug (its file name without the date) and title."""
    result = {}
    for path in glob.glob(os.path.join(site, "_posts", "*")):
        text = open(path, encoding="utf-8").read()
        front = yaml.safe_load(text.split("---", 2)[1])
        if front.get("published") is False:
            continue
        stem = os.path.splitext(os.path.basename(path))[0]
        result[front.get("slug") or stem[11:]] = str(front["title"])
    return result


COLOURED = []


def check_message(path, title, record, selector, problems):
    raw = open(path, "rb").read()
    name = os.path.basename(path)

    def fail(message):
        problems.append(f"{name}: {message}")

    lines = raw.split(b"\r\n")
    if lines[-1] != b"":
        fail("does not end with CRLF")
    for number, line in enumerate(lines, 1):
        if b"\n" in line or b"\r" in line:
            fail(f"line {number} has a bare CR or LF")
        if len(line) > 998:
            fail(f"line {number} is {len(line)} octets")

    message = email.message_from_bytes(raw, policy=email.policy.default)
    for part in message.walk():
        if part.defects:
            fail(f"defects in {part.get_content_type()}: {part.defects}")
        for header in part.keys():
            value = part[header]
            if getattr(value, "defects", None):
                fail(f"defects in {header}: {value.defects}")
    if str(message["Subject"]) != title:
        fail(f"subject decodes to {str(message['Subject'])!r}, not {title!r}")
    for header in ["From", "To", "Date", "Message-ID", "MIME-Version", "List-Id", "List-Unsubscribe"]:
        if message[header] is None:
            fail(f"no {header}")
    if len(message.get_all("To", [])) != 1 or len(message["To"].addresses) != 1:
        fail("To is not one recipient")
    if message["List-Unsubscribe-Post"] != "List-Unsubscribe=One-Click":
        fail("no List-Unsubscribe-Post: List-Unsubscribe=One-Click")
    if not re.match(r"<https://[^>]+token=[^>]+>", str(message["List-Unsubscribe"])):
        fail(f"List-Unsubscribe has no https URL with a token: {message['List-Unsubscribe']}")
    if not re.fullmatch(r"<[^@<>]+@example\.org>", str(message["Message-ID"])):
        fail(f"Message-ID is not at the sender's domain: {message['Message-ID']}")
    if message.get_content_type() != "multipart/alternative":
        fail(f"is {message.get_content_type()}, not multipart/alternative")
    parts = {part.get_content_type(): part for part in message.iter_parts()}
    for kind in ["text/plain", "text/html"]:
        if kind not in parts:
            fail(f"no {kind} part")
        elif "unsubscribe?id=" not in parts[kind].get_content():
            fail(f"the {kind} part shows no unsubscribe link")
    if "text/html" in parts:
        html = parts["text/html"].get_content()
        # One <style> is allowed, in the head, holding only the phone rule.
        head = re.search(r"<head>.*?</head>", html, re.DOTALL)
        styles = re.findall(r"<style>(.*?)</style>", head.group(0) if head else "", re.DOTALL)
        if len(styles) > 1 or any(not re.fullmatch(r"\s*@media[^{]*\{[^@]*\}\s*", style) for style in styles):
            fail(f"the HTML part's head has a <style> other than one @media rule: {styles}")
        body = html[head.end():] if head else html
        for element in ["<script", "<iframe", "<form", "<style"]:
            if element in body.lower():
                fail(f"the HTML part has {element}>")
        if re.search(r"<img\b[^>]*\.svg", html, re.IGNORECASE):
            fail("the HTML part has an <img> of an SVG, which Gmail and Outlook do not show")
        if ADDRESS not in html or ADDRESS not in parts["text/plain"].get_content():
            fail("the postal address is not in both parts")
        if re.search(r'<img (?![^>]*src="https://)', html):
            fail("an image with a relative source")
        # Highlighted code is coloured inline: mail clients drop <style>, so a
        # token's class alone would show nothing.
        if re.search(r'<span class="[a-z0-9]{1,3}">', body):
            fail("a code token with a class and no colour of its own")
        for pre in re.findall(r"<pre\b[^>]*>.*?</pre>", body, re.DOTALL):
            if re.search(r'<span style="[^"]*color:#[0-9a-f]{6}', pre):
                COLOURED.append(path)
                break

    signatures = message.get_all("DKIM-Signature", [])
    if len(signatures) != 1:
        fail(f"{len(signatures)} DKIM signatures")
        return
    tags = dict(item.strip().split("=", 1) for item in re.sub(r"\s+", "", str(signatures[0])).split(";") if item)
    names = tags.get("h", "").encode().split(b":")
    if len(names) != len(set(names)) or set(names) != SIGNED:
        fail(f"h= is {tags.get('h')}")
    if tags.get("c") != "relaxed/relaxed" or tags.get("s") != selector:
        fail(f"c={tags.get('c')} s={tags.get('s')}")

    def dnsfunc(domain, timeout=5):
        return record if domain == f"{selector}._domainkey.example.org.".encode() or \
            domain == f"{selector}._domainkey.example.org".encode() else None

    if not dkim.verify(raw, dnsfunc=dnsfunc):
        fail(f"the {tags.get('a')} DKIM signature does not verify")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--publish", required=True)
    parser.add_argument("--site", default="examples/site")
    arguments = parser.parse_args()
    if not shutil.which("openssl"):
        sys.exit("email_check: openssl is missing (apt-get install openssl)")

    with tempfile.TemporaryDirectory() as temp:
        site = os.path.join(temp, "site")
        shutil.copytree(arguments.site, site)
        with open(os.path.join(site, "_posts", "2025-02-02-emoji.md"), "w", encoding="utf-8") as post:
            post.write(f"---\ntitle: {EMOJI_TITLE!r}\ndescription: A title with emoji.\n---\n"
                       "Hello **world**. ![A cat](/images/cat.png)\n")
        expected = titles(site)
        with open(os.path.join(site, "publish.yml"), encoding="utf-8") as file:
            pipeline = yaml.safe_load(file)
        total = 0
        for kind, generate in [("ed25519", ["-algorithm", "ed25519"]),
                               ("rsa", ["-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048"])]:
            key = os.path.join(site, f"{kind}.pem")
            run(["openssl", "genpkey", *generate, "-out", key])
            pipeline.setdefault("outputs", {})["email"] = {
                "enabled": True, "from": "Notes from the Workbench <news@example.org>", "address": ADDRESS,
                "dkim": {"domain": "example.org", "selector": kind, "key": f"{kind}.pem"},
                "unsubscribe": {"url": "https://example.org/unsubscribe", "mailto": "unsubscribe@example.org"}}
            with open(os.path.join(site, "publish.yml"), "w", encoding="utf-8") as file:
                yaml.safe_dump(pipeline, file, allow_unicode=True, sort_keys=False)
            output = os.path.join(temp, f"out-{kind}")
            run([arguments.publish, "build", "--source", site, "--output", output, "--format", "email", "--quiet"])
            files = sorted(glob.glob(os.path.join(output, "newsletter", "*.eml")))
            if len(files) != len(expected):
                sys.exit(f"email_check: {len(files)} messages for {len(expected)} posts")
            problems = []
            record = public_key_record(key, kind)
            for path in files:
                slug = os.path.splitext(os.path.basename(path))[0]
                check_message(path, expected.get(slug), record, kind, problems)
            if problems:
                sys.exit("email_check: " + "\n".join(problems))
            total += len(files)
            print(f"email_check: {len(files)} messages signed with {kind}: parsed with no defects, "
                  "subjects decode to the titles, CRLF lines <= 998 octets, DKIM verified")
        if not COLOURED:
            sys.exit("email_check: no message shows highlighted code in inline colours "
                     "(the example site's shell post has a fenced `shell` block)")
        print(f"email_check: {total} messages, 0 problems; {len(set(COLOURED))} with code in inline colours")


if __name__ == "__main__":
    main()
