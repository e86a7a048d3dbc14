#!/usr/bin/env python3
"""POP3 timing client for bench/pop3/run: raw sockets, large reads, no per-line Python work.

Usage: pop3bench.py PORT USER PASSWORD RETRS ROUNDS
Prints one line: RESULT <login+STAT+UIDL median s> <RETR x RETRS median s> <octets retrieved> <messages in STAT>
Each figure is the median of ROUNDS runs after one warm-up run.
"""
import socket
import statistics
import sys
import time


class Pop3:
    def __init__(self, port):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=120)
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.buf = b""
        self.expect_ok(self.line())

    def _fill(self):
        data = self.sock.recv(1 << 20)
        if not data:
            raise EOFError("server closed the connection")
        self.buf += data

    def line(self):
        while True:
            i = self.buf.find(b"\r\n")
            if i >= 0:
                line, self.buf = self.buf[:i], self.buf[i + 2:]
                return line
            self._fill()

    def body(self):
        """The multi-line body after a +OK line, up to and without the terminating '.'."""
        if self.buf.startswith(b".\r\n"):
            self.buf = self.buf[3:]
            return b""
        start = 0
        while True:
            i = self.buf.find(b"\r\n.\r\n", start)
            if i >= 0:
                body, self.buf = self.buf[:i + 2], self.buf[i + 5:]
                return body
            start = max(0, len(self.buf) - 4)
            self._fill()
            if self.buf.startswith(b".\r\n"):
                self.buf = self.buf[3:]
                return b""

    @staticmethod
    def expect_ok(line):
        if not line.startswith(b"+OK"):
            raise RuntimeError("unexpected reply: %r" % line[:200])
        return line

    def cmd(self, text):
        self.sock.sendall(text.encode() + b"\r\n")
        return self.expect_ok(self.line())

    def login(self, user, password):
        self.cmd("USER " + user)
        self.cmd("PASS " + password)

    def close(self):
        try:
            self.cmd("QUIT")
        finally:
            self.sock.close()


def login_stat_uidl(port, user, password):
    t0 = time.perf_counter()
    p = Pop3(port)
    p.login(user, password)
    count = int(p.cmd("STAT").split()[1])
    p.cmd("UIDL")
    uidl = p.body()
    p.close()
    elapsed = time.perf_counter() - t0
    if uidl.count(b"\r\n") != count:
        raise RuntimeError("UIDL listed %d of %d messages" % (uidl.count(b"\r\n"), count))
    return elapsed, count


def retr(port, user, password, n):
    p = Pop3(port)
    p.login(user, password)
    octets = 0
    t0 = time.perf_counter()
    for i in range(1, n + 1):
        p.cmd("RETR %d" % i)
        octets += len(p.body())
    elapsed = time.perf_counter() - t0
    p.close()
    return elapsed, octets


def main():
    port, user, password, n, rounds = int(sys.argv[1]), sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
    login_stat_uidl(port, user, password)  # warm-up (indexes, caches, JIT)
    retr(port, user, password, n)
    logins, retrs = [], []
    count = octets = 0
    for _ in range(rounds):
        t, count = login_stat_uidl(port, user, password)
        logins.append(t)
        t, octets = retr(port, user, password, n)
        retrs.append(t)
    print("RESULT %.4f %.4f %d %d" % (statistics.median(logins), statistics.median(retrs), octets, count))


if __name__ == "__main__":
    main()
