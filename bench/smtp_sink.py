#!/usr/bin/env python3
"""An SMTP server on 127.0.0.1 that accepts every message and counts it,
for the delivery benchmark: aiosmtpd, the server `make test` also uses.
Prints `ready PORT` when listening; when its standard input closes, prints
the number of messages it accepted and exits."""
import socket
import sys
import threading

from aiosmtpd.controller import Controller


class Counter:
    def __init__(self):
        self.count = 0
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.count += 1
        return "250 2.0.0 OK"


def main():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    counter = Counter()
    controller = Controller(counter, hostname="127.0.0.1", port=port)
    controller.start()
    print(f"ready {port}", flush=True)
    sys.stdin.read()
    controller.stop()
    print(counter.count, flush=True)


if __name__ == "__main__":
    main()
