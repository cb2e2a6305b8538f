#!/usr/bin/env python3
"""Sends newsletters with `publish send` to a real SMTP server, aiosmtpd on
127.0.0.1 started here, and judges what arrives:

1. 300 subscribers imported from CSV get the latest post exactly once each;
   every message parses with Python's `email` package with no defect, its
   subject decodes to the post's (Chinese and emoji) title, it is addressed
   to its one recipient, and its Ed25519 DKIM signature verifies (dkimpy, the
   key served by a dnsfunc stub). A second run sends nothing and says so.
2. A send killed with SIGKILL while the server holds a message it has not
   yet answered, then run again, reaches all 300 with at most `connections`
   duplicates, each carrying the same Message-ID as its first copy, and the
   run reports them; a third run sends nothing.
3. Replies: a 451 at RCPT is retried and delivered once; a 550 5.1.1 marks
   the subscriber bounced; a connection dropped in the middle of DATA is
   delivered once on a new connection; one dropped after the end of data
   with no reply is re-sent with the same Message-ID and reported.
4. --dry-run and --test-to send nothing to subscribers and change no ledger.
5. STARTTLS with a certificate made here and AUTH PLAIN after it; the
   server refuses AUTH before TLS.
6. The one-click unsubscribe endpoint (`publish unsubscribe-server`): the
   RFC 8058 POST, form-encoded and multipart, unsubscribes with a 200; a GET
   shows a confirmation page and changes nothing; a tampered token gets a
   4xx and changes nothing.
"""
import argparse
import asyncio
import base64
import email
import email.policy
import os
import re
import shutil
import signal
import ssl
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import logging
import warnings

import dkim
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword

# The server's own log (a connection cut on purpose is "unrecognised") is noise here.
logging.getLogger("mail.log").setLevel(logging.CRITICAL)
warnings.filterwarnings("ignore", category=DeprecationWarning)

TITLE = "新年快乐 🧧 Launch day 🚀 — a café ☕"
SECRET = "0123456789abcdef0123456789abcdef-test-secret"
problems = []


def fail(message):
    problems.append(message)
    print("delivery_check: FAIL: " + message, file=sys.stderr)


def check(condition, message):
    if not condition:
        fail(message)
    return condition


class Mailbox:
    """What the server received, and how it should misbehave, by address."""

    def __init__(self):
        self.lock = threading.Lock()
        self.messages = []          # (rcpt, bytes)
        self.rules = {}             # address -> list of actions, used in order
        self.on_data = None         # called with the count after a message is kept
        self.auth_seen = []         # (tls, mechanism)

    def take(self, address, stage):
        with self.lock:
            actions = self.rules.get(address.lower())
            if actions and actions[0][0] == stage:
                return actions.pop(0)[1]
        return None

    def count(self, address=None):
        with self.lock:
            return len([m for m in self.messages if address is None or m[0] == address.lower()])


class Handler:
    def __init__(self, box):
        self.box = box

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        reply = self.box.take(address, "rcpt")
        if reply:
            return reply
        envelope.rcpt_tos.append(address)
        return "250 2.1.5 OK"

    async def handle_DATA(self, server, session, envelope):
        rcpt = envelope.rcpt_tos[0].lower()
        with self.box.lock:
            self.box.messages.append((rcpt, bytes(envelope.original_content or envelope.content)))
            count = len(self.box.messages)
        if self.box.on_data:
            self.box.on_data(count)
        if self.box.take(rcpt, "after-data") == "drop":
            # Kept, but the reply never comes.
            server.transport.close()
            return "250 dropped"
        return "250 2.0.0 OK: queued"


class MisbehavingSMTP(SMTP):
    """aiosmtpd's server, which can also drop a connection in mid-DATA."""

    async def smtp_DATA(self, arg):
        rcpt = self.envelope.rcpt_tos[0].lower() if self.envelope and self.envelope.rcpt_tos else ""
        if self.event_handler.box.take(rcpt, "mid-data") == "drop":
            await self.push("354 End data with <CR><LF>.<CR><LF>")
            await self._reader.readuntil(b"\r\n")
            self.transport.close()
            return
        await super().smtp_DATA(arg)


class Server(Controller):
    def __init__(self, box, tls_context=None, auth=False):
        self.box = box
        self.tls = tls_context
        self.auth = auth
        super().__init__(Handler(box), hostname="127.0.0.1", port=free_port(), ready_timeout=10)

    def factory(self):
        kwargs = dict(hostname="publish-test", data_size_limit=0)
        if self.tls:
            kwargs.update(tls_context=self.tls, require_starttls=True)
        if self.auth:
            kwargs.update(authenticator=self.authenticate, auth_required=True, auth_require_tls=True)
        return MisbehavingSMTP(self.handler, **kwargs)

    def authenticate(self, server, session, envelope, mechanism, data):
        self.box.auth_seen.append((session.ssl is not None, mechanism))
        ok = isinstance(data, LoginPassword) and data.login == b"newsletter" and data.password == b"s3cret pass"
        return AuthResult(success=ok)


def free_port():
    import socket
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start(box, **kwargs):
    server = Server(box, **kwargs)
    server.start()
    return server, server.port


def run(publish, *arguments, env=None, expect=0):
    result = subprocess.run([publish, *arguments], capture_output=True, text=True, env=env, timeout=600)
    if expect is not None and result.returncode != expect:
        fail(f"`publish {' '.join(arguments)}` exited {result.returncode}, expected {expect}:\n"
             f"{result.stdout}{result.stderr}")
    return result


def make_site(folder, port, key_path, connections=2, rate=0):
    os.makedirs(os.path.join(folder, "_posts"))
    with open(os.path.join(folder, "_posts", "2024-01-01-older.md"), "w", encoding="utf-8") as f:
        f.write("---\ntitle: An older post\n---\nNot this one.\n")
    with open(os.path.join(folder, "_posts", "2024-02-10-launch.md"), "w", encoding="utf-8") as f:
        f.write(f"---\ntitle: {TITLE!r}\ndescription: 发布了\n---\n"
                "今天我们发布了新版本。See https://example.org/notes and the table:\n\n"
                "| a | b |\n|---|---|\n| 一 | 二 |\n\n```\ncode\n.leading dot\n```\n")
    with open(os.path.join(folder, "_config.yml"), "w") as f:
        f.write("title: Workbench Notes\nurl: https://news.example.org\n")
    with open(os.path.join(folder, "publish.yml"), "w") as f:
        f.write(f"""outputs:
  email:
    from: Workbench Notes <news@news.example.org>
    smtp: {{url: "smtp://127.0.0.1:{port}", tls: none}}
    dkim: {{domain: news.example.org, selector: mail, key: {key_path}}}
    unsubscribe: {{url: "https://news.example.org/unsubscribe"}}
    rate: {rate}
    connections: {connections}
""")


def environment(**extra):
    env = dict(os.environ)
    env["PUBLISH_UNSUBSCRIBE_SECRET"] = SECRET
    env.update(extra)
    return env


def write_csv(path, count, extra=()):
    with open(path, "w", encoding="utf-8") as f:
        f.write("email,name\n")
        for i in range(1, count + 1):
            f.write(f"reader{i}@example.net,\"Reader {i}, Esq.\"\n")
        for address in extra:
            f.write(f"{address},\n")


def dkim_record(key_path):
    der = subprocess.run(["openssl", "pkey", "-in", key_path, "-pubout", "-outform", "DER"],
                         capture_output=True, check=True).stdout
    return b"v=DKIM1; k=ed25519; p=" + base64.b64encode(der[-32:])


def judge(raw, rcpt, record):
    message = email.message_from_bytes(raw, policy=email.policy.default)
    for part in message.walk():
        check(not part.defects, f"{rcpt}: defects {part.defects}")
    check(str(message["Subject"]) == TITLE, f"{rcpt}: subject decodes to {message['Subject']!r}")
    check(message["To"].addresses[0].addr_spec.lower() == rcpt, f"{rcpt}: To is {message['To']}")
    check(message.get_content_type() == "multipart/alternative", f"{rcpt}: {message.get_content_type()}")
    check(message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click", f"{rcpt}: List-Unsubscribe-Post")
    check(b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b""), f"{rcpt}: bare LF")
    check(all(len(line) <= 998 for line in raw.split(b"\r\n")), f"{rcpt}: line over 998 octets")
    ok = dkim.verify(raw, dnsfunc=lambda name, timeout=5: record if name == b"mail._domainkey.news.example.org." else None)
    check(ok, f"{rcpt}: DKIM does not verify")
    return message


def subscribers(publish, site):
    listed = run(publish, "subscribers", "list", "--source", site).stdout
    return {line.split("\t")[0]: line.split("\t")[-1] for line in listed.splitlines() if line.strip()}


def scenario_exactly_once(publish, root, key, record):
    box = Mailbox()
    server, port = start(box)
    try:
        site = os.path.join(root, "once")
        make_site(site, port, key)
        write_csv(os.path.join(root, "once.csv"), 300)
        run(publish, "subscribers", "import", os.path.join(root, "once.csv"), "--source", site)
        first = run(publish, "send", "--source", site, env=environment())
        check(box.count() == 300, f"first send delivered {box.count()} messages, not 300")
        by_rcpt = {}
        for rcpt, raw in box.messages:
            by_rcpt.setdefault(rcpt, []).append(raw)
        check(len(by_rcpt) == 300 and all(len(v) == 1 for v in by_rcpt.values()),
              "not every subscriber got exactly one copy")
        for rcpt, copies in by_rcpt.items():
            judge(copies[0], rcpt, record)
        second = run(publish, "send", "--source", site, env=environment())
        check(box.count() == 300, "a second send mailed again")
        check("nothing to send" in second.stderr, f"the second send did not say so: {second.stderr}")
        # The same post under a new file name is not mailed to everyone again.
        os.rename(os.path.join(site, "_posts", "2024-02-10-launch.md"), os.path.join(site, "_posts", "2024-02-11-launch.md"))
        renamed = run(publish, "send", "--source", site, env=environment(), expect=1)
        check("went out before as _posts/2024-02-10-launch.md" in renamed.stderr and box.count() == 300,
              f"a renamed post was not recognised: {renamed.stderr}")
        again = run(publish, "send", "--source", site, "--again", "--dry-run", env=environment())
        check("would go to 300 subscribers" in again.stderr, f"--again --dry-run: {again.stderr}")
        print(f"delivery_check: 300 subscribers from CSV, one message each, all parse, subjects decode, "
              f"Ed25519 DKIM verifies; second run: {second.stderr.strip().splitlines()[-1]}; "
              "the same post renamed is refused without --again")
    finally:
        server.stop()


def scenario_crash(publish, root, key):
    box = Mailbox()
    server, port = start(box)
    try:
        site = os.path.join(root, "crash")
        make_site(site, port, key, connections=2, rate=150)
        write_csv(os.path.join(root, "crash.csv"), 300)
        run(publish, "subscribers", "import", os.path.join(root, "crash.csv"), "--source", site)
        process = subprocess.Popen([publish, "send", "--source", site], env=environment(),
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE)

        def kill_at(count):
            # The 120th message is kept, and the sender killed before it hears back.
            if count == 120:
                process.send_signal(signal.SIGKILL)
        box.on_data = kill_at
        process.wait(timeout=300)
        box.on_data = None
        check(process.returncode == -signal.SIGKILL, f"the sender was not killed (exit {process.returncode})")
        before = box.count()
        check(0 < before < 300, f"the kill came at {before} messages")
        second = run(publish, "send", "--source", site, env=environment())
        counts = {}
        ids = {}
        for rcpt, raw in box.messages:
            counts[rcpt] = counts.get(rcpt, 0) + 1
            message_id = email.message_from_bytes(raw, policy=email.policy.default)["Message-ID"]
            ids.setdefault(rcpt, set()).add(message_id)
        check(len(counts) == 300, f"after the resume {len(counts)} of 300 subscribers have the post")
        duplicates = [rcpt for rcpt, n in counts.items() if n > 1]
        check(1 <= len(duplicates) <= 2, f"{len(duplicates)} duplicates (at most connections=2, at least the unanswered one)")
        check(all(n <= 2 for n in counts.values()), "a subscriber got more than two copies")
        check(all(len(ids[rcpt]) == 1 for rcpt in duplicates), "a re-sent copy has another Message-ID")
        check(all(rcpt in second.stderr for rcpt in duplicates), f"the resume did not report the re-sent: {second.stderr}")
        delivered = box.count()
        third = run(publish, "send", "--source", site, env=environment())
        check(box.count() == delivered, "the third run sent something")
        check("nothing to send" in third.stderr, f"the third run did not say it had nothing to send: {third.stderr}")
        print(f"delivery_check: SIGKILL after {before} messages; the resume reached all 300 with "
              f"{len(duplicates)} re-sent (same Message-ID); the third run sent nothing")
    finally:
        server.stop()


def scenario_overlap_and_sigterm(publish, root, key):
    """A second send while one runs is refused; SIGTERM stops the first
    gracefully (no message left uncertain), and a resume has no duplicate."""
    box = Mailbox()
    server, port = start(box)
    try:
        site = os.path.join(root, "overlap")
        make_site(site, port, key, connections=2, rate=40)
        write_csv(os.path.join(root, "overlap.csv"), 100)
        run(publish, "subscribers", "import", os.path.join(root, "overlap.csv"), "--source", site)
        first = subprocess.Popen([publish, "send", "--source", site], env=environment(),
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        deadline = time.time() + 60
        while box.count() < 10 and time.time() < deadline:
            time.sleep(0.05)
        second = run(publish, "send", "--source", site, env=environment(), expect=1)
        check("another `publish send` is running" in second.stderr, f"the overlapping send said: {second.stderr}")
        while box.count() < 30 and time.time() < deadline:
            time.sleep(0.05)
        first.send_signal(signal.SIGTERM)
        _, errors = first.communicate(timeout=60)
        check(first.returncode == 1 and "stopped on request" in errors,
              f"SIGTERM: exit {first.returncode}, {errors[-400:]}")
        stopped_at = box.count()
        check(stopped_at < 100, "the SIGTERM came after the end")
        resume = run(publish, "send", "--source", site, env=environment())
        counts = {}
        for rcpt, _ in box.messages:
            counts[rcpt] = counts.get(rcpt, 0) + 1
        check(len(counts) == 100 and all(n == 1 for n in counts.values()),
              f"after SIGTERM and a resume: {len(counts)} subscribers, {sum(counts.values())} messages")
        check("re-sent" not in resume.stderr, f"a graceful stop left something uncertain: {resume.stderr}")
        print(f"delivery_check: an overlapping send refused; SIGTERM stopped the send at {stopped_at} with nothing "
              f"uncertain; the resume sent the rest, one each")
    finally:
        server.stop()


def scenario_replies(publish, root, key):
    box = Mailbox()
    box.rules = {
        "defer@example.net": [("rcpt", "451 4.3.0 Try again later")],
        "nouser@example.net": [("rcpt", "550 5.1.1 No such user")],
        "policy@example.net": [("rcpt", "554 5.7.1 Refused by policy")],
        "dropdata@example.net": [("mid-data", "drop")],
        "dropend@example.net": [("after-data", "drop")],
    }
    server, port = start(box)
    try:
        site = os.path.join(root, "replies")
        make_site(site, port, key, connections=1)
        write_csv(os.path.join(root, "replies.csv"), 5, extra=list(box.rules))
        run(publish, "subscribers", "import", os.path.join(root, "replies.csv"), "--source", site)
        result = run(publish, "send", "--source", site, env=environment())
        check(box.count("defer@example.net") == 1, "the deferred address did not get one copy after the retry")
        check(box.count("nouser@example.net") == 0, "the unknown address got a message")
        check(box.count("dropdata@example.net") == 1, "the message cut in mid-DATA was not delivered once")
        check(box.count("dropend@example.net") == 2, "the message with no reply was not re-sent once")
        ids = {email.message_from_bytes(raw, policy=email.policy.default)["Message-ID"]
               for rcpt, raw in box.messages if rcpt == "dropend@example.net"}
        check(len(ids) == 1, "the re-sent message has another Message-ID")
        check("dropend@example.net" in result.stderr, f"the re-send was not reported: {result.stderr}")
        statuses = subscribers(publish, site)
        check(statuses.get("nouser@example.net") == "bounced", f"5.1.1 did not bounce: {statuses.get('nouser@example.net')}")
        check(statuses.get("policy@example.net") == "active", "a 5.7.1 refusal bounced the subscriber")
        check(all(box.count(f"reader{i}@example.net") == 1 for i in range(1, 6)), "a plain reader did not get one copy")
        print("delivery_check: 451 retried then delivered; 550 5.1.1 bounced; 554 5.7.1 failed; "
              "cut mid-DATA delivered once; no reply after the end of data re-sent with the same Message-ID")

        # --dry-run and --test-to: nothing to subscribers, no ledger change.
        before = box.count()
        dry = run(publish, "send", "--source", site, "--dry-run", env=environment())
        check(box.count() == before and "nothing sent" in dry.stderr, f"--dry-run: {dry.stderr}")
        test = run(publish, "send", "--source", site, "--test-to", "editor@example.com", env=environment())
        check(box.count() == before + 1 and box.count("editor@example.com") == 1, "--test-to did not send one message")
        raw = [raw for rcpt, raw in box.messages if rcpt == "editor@example.com"][0]
        message = email.message_from_bytes(raw, policy=email.policy.default)
        check(str(message["Subject"]).startswith("[Test] ") and message["X-Publish-Test"] == "yes",
              "the test message is not marked as one")
        again = run(publish, "send", "--source", site, env=environment())
        check(box.count() == before + 1, "a send after the test mailed someone again")
        check("nothing to send" in again.stderr, f"the ledger changed after --test-to: {again.stderr}")
        print("delivery_check: --dry-run sent nothing; --test-to sent one marked message and changed no ledger")
    finally:
        server.stop()


def scenario_starttls(publish, root, key):
    certificate = os.path.join(root, "cert.pem")
    private = os.path.join(root, "cert-key.pem")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=localhost",
                    "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout", private, "-out", certificate],
                   check=True, capture_output=True)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(certificate, private)
    box = Mailbox()
    server, port = start(box, tls_context=context, auth=True)
    try:
        site = os.path.join(root, "tls")
        make_site(site, port, key)
        with open(os.path.join(site, "publish.yml")) as f:
            text = f.read()
        text = text.replace("tls: none}", "tls: starttls, username_env: SMTP_USER, password_env: SMTP_PASSWORD}")
        with open(os.path.join(site, "publish.yml"), "w") as f:
            f.write(text)
        env = environment(SMTP_USER="newsletter", SMTP_PASSWORD="s3cret pass", SSL_CERT_FILE=certificate)
        result = run(publish, "send", "--source", site, "--test-to", "editor@example.com", env=env)
        check(box.count("editor@example.com") == 1, "no message through STARTTLS")
        check(box.auth_seen and all(tls for tls, _ in box.auth_seen), f"AUTH seen without TLS: {box.auth_seen}")
        check("s3cret" not in result.stdout + result.stderr, "the password was printed")
        env["SMTP_PASSWORD"] = "wrong"
        refused = run(publish, "send", "--source", site, "--test-to", "editor@example.com", env=env, expect=1)
        check("s3cret" not in refused.stderr and "wrong" not in refused.stderr, "a password was printed")
        print(f"delivery_check: STARTTLS then AUTH {box.auth_seen[0][1]} over TLS; refused credentials exit 1")
    finally:
        server.stop()


def request(url, method="GET", data=None, headers=None):
    req = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=10) as response:
            return response.status, response.read().decode("utf-8", "replace"), dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace"), dict(error.headers)


def scenario_unsubscribe(publish, root, key):
    box = Mailbox()
    server, port = start(box)
    endpoint = None
    try:
        site = os.path.join(root, "unsubscribe")
        make_site(site, port, key)
        write_csv(os.path.join(root, "unsubscribe.csv"), 4)
        run(publish, "subscribers", "import", os.path.join(root, "unsubscribe.csv"), "--source", site)
        run(publish, "send", "--source", site, env=environment())
        endpoint = subprocess.Popen([publish, "unsubscribe-server", "--source", site, "--port", "0"],
                                    env=environment(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = endpoint.stdout.readline()
        match = re.search(r"http://127\.0\.0\.1:(\d+)", line)
        if not check(match, f"unsubscribe-server printed {line!r}"):
            return
        base = f"http://127.0.0.1:{match.group(1)}"

        def link(rcpt):
            raw = [raw for r, raw in box.messages if r == rcpt][0]
            header = str(email.message_from_bytes(raw, policy=email.policy.default)["List-Unsubscribe"])
            url = re.search(r"<(https://[^>]+)>", header).group(1)
            return url.replace("https://news.example.org", base)

        status, body, headers = request(link("reader1@example.net"), "POST", b"List-Unsubscribe=One-Click",
                                        {"Content-Type": "application/x-www-form-urlencoded"})
        check(status == 200 and "Location" not in headers and "Set-Cookie" not in headers,
              f"one-click POST answered {status} {headers}")
        boundary = "publishtestboundary"
        multipart = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"List-Unsubscribe\"\r\n\r\n"
                     f"One-Click\r\n--{boundary}--\r\n").encode()
        status, _, _ = request(link("reader2@example.net"), "POST", multipart,
                               {"Content-Type": f"multipart/form-data; boundary={boundary}"})
        check(status == 200, f"multipart one-click POST answered {status}")
        status, page, _ = request(link("reader3@example.net"))
        form = re.search(r"<form[^>]*method=\"?post", page, re.I)
        hidden = re.search(r"name=\"List-Unsubscribe\"[^>]*value=\"One-Click\"|value=\"One-Click\"[^>]*name=\"List-Unsubscribe\"", page)
        check(status == 200 and form and hidden, f"GET answered {status} without a one-click POST form:\n{page[:600]}")
        tampered = re.sub(r"token=([A-Za-z0-9_-])", lambda m: "token=" + ("B" if m.group(1) != "B" else "C"),
                          link("reader4@example.net"))
        status, _, _ = request(tampered, "POST", b"List-Unsubscribe=One-Click",
                               {"Content-Type": "application/x-www-form-urlencoded"})
        check(400 <= status < 500, f"a tampered token answered {status}")
        statuses = subscribers(publish, site)
        check(statuses.get("reader1@example.net") == "unsubscribed", "the one-click POST did not unsubscribe")
        check(statuses.get("reader2@example.net") == "unsubscribed", "the multipart POST did not unsubscribe")
        check(statuses.get("reader3@example.net") == "active", "the GET changed the subscriber")
        check(statuses.get("reader4@example.net") == "active", "the tampered token changed the subscriber")
        print("delivery_check: one-click POST (form and multipart) 200 and unsubscribed; GET a confirm page, "
              "no change; tampered token 4xx, no change")
    finally:
        if endpoint:
            endpoint.terminate()
            endpoint.wait(timeout=10)
        server.stop()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--publish", required=True)
    arguments = parser.parse_args()
    publish = os.path.abspath(arguments.publish)
    root = tempfile.mkdtemp(prefix="publish-delivery-")
    try:
        key = os.path.join(root, "dkim-ed25519.pem")
        subprocess.run(["openssl", "genpkey", "-algorithm", "ed25519", "-out", key], check=True, capture_output=True)
        record = dkim_record(key)
        scenario_exactly_once(publish, root, key, record)
        scenario_crash(publish, root, key)
        scenario_overlap_and_sigterm(publish, root, key)
        scenario_replies(publish, root, key)
        scenario_starttls(publish, root, key)
        scenario_unsubscribe(publish, root, key)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    if problems:
        sys.exit(f"delivery_check: {len(problems)} problem(s)")
    print("delivery_check: all checks passed")


if __name__ == "__main__":
    main()
