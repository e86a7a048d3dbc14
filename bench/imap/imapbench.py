#!/usr/bin/env python3
"""IMAP timing client for bench/imap/run: raw sockets, large reads, literals skipped by count.
The same client measures both servers.

Usage:
  imapbench.py measure PORT[,PORT...] USER PASS ROUNDS -> RESULT port name median_s min_s detail
  imapbench.py mixed PORT USER PASS CLIENTS SECONDS -> RESULT mixed ops
  imapbench.py idle PORT USER PASS N HOLD_S SERVER_PID -> RESULT idle held rss_mib rss_before setup_s anon_mib anon_before
Every "measure" figure is the median of ROUNDS runs after WARMUP (default 3) untimed runs; with several ports the
runs alternate between the servers, so a burst of load on the shared machine hits both.
"""
import asyncio
import multiprocessing
import os
import random
import re
import socket
import statistics
import sys
import time

WARMUP = int(os.environ.get("WARMUP", "3"))  # untimed runs per figure and server before the timed ones
LITERAL = re.compile(rb"\{(\d+)\+?\}$")


class Imap:
    def __init__(self, port):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=120)
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.buf = bytearray()
        self.pos = 0
        self.n = 0
        self.octets = 0
        self.exists = 0
        greeting = self.line()
        if not greeting.startswith(b"* OK"):
            raise RuntimeError("greeting: %r" % greeting[:200])

    def _fill(self):
        if self.pos:
            del self.buf[:self.pos]
            self.pos = 0
        data = self.sock.recv(1 << 20)
        if not data:
            raise EOFError("server closed the connection")
        self.buf += data

    def line(self):
        """One response line; literals inside it are skipped (their sizes added to self.octets)."""
        while True:
            i = self.buf.find(b"\r\n", self.pos)
            if i >= 0:
                break
            self._fill()
        line = bytes(self.buf[self.pos:i])
        self.pos = i + 2
        m = LITERAL.search(line)
        if m:
            size = int(m.group(1))
            self.octets += size
            while len(self.buf) - self.pos < size:
                self._fill()
            self.pos += size
            return line + b"..." + self.line()
        return line

    def cmd(self, text, ok=True):
        """Sends a command and reads up to its tagged reply; returns (untagged count, tagged line)."""
        self.n += 1
        tag = b"a%d" % self.n
        self.sock.sendall(tag + b" " + text.encode() + b"\r\n")
        self.octets = 0
        count = 0
        prefix = tag + b" "
        while True:
            line = self.line()
            if line.endswith(b" EXISTS") and line.startswith(b"* "):
                self.exists = int(line.split()[1])
            if line.startswith(prefix):
                if ok and not line.startswith(prefix + b"OK"):
                    raise RuntimeError("%s -> %r" % (text[:60], line[:200]))
                return count, line
            count += 1

    def append(self, mailbox, data):
        self.n += 1
        tag = b"a%d" % self.n
        self.sock.sendall(tag + b" APPEND %s (\\Seen) {%d}\r\n" % (mailbox.encode(), len(data)))
        while True:
            line = self.line()
            if line.startswith(b"+"):
                break
            if line.startswith(tag):
                raise RuntimeError("append refused: %r" % line)
        self.sock.sendall(data + b"\r\n")
        while True:
            line = self.line()
            if line.startswith(tag + b" "):
                if not line.startswith(tag + b" OK"):
                    raise RuntimeError("append: %r" % line)
                m = re.search(rb"APPENDUID \d+ (\d+)", line)
                return int(m.group(1)) if m else None

    def close(self):
        try:
            self.cmd("LOGOUT", ok=False)
        except (OSError, EOFError):
            pass
        self.sock.close()


def login(port, user, password):
    c = Imap(port)
    c.cmd("LOGIN %s %s" % (user, password))
    return c


def figures(port, user, password):
    """The measured operations on one server, over one selected session: name -> fn returning detail."""
    s = login(port, user, password)
    s.cmd("SELECT INBOX")

    def login_select():
        c = login(port, user, password)
        c.cmd("SELECT INBOX")
        c.close()
        return "ok"

    def fetch_env():
        count, _ = s.cmd("FETCH 1:* (FLAGS UID RFC822.SIZE ENVELOPE)")
        return "%d-responses" % count

    def fetch_bodies():
        s.cmd("FETCH 1:1000 BODY.PEEK[]")
        return "%d-octets" % s.octets

    def single():
        total = 0
        for n in range(1, 1001):
            s.cmd("FETCH %d BODY.PEEK[]" % n)
            total += s.octets
        return "%d-octets" % total

    def search():
        s.n += 1
        tag = b"a%d" % s.n
        s.sock.sendall(tag + b" SEARCH BODY zanzibar\r\n")
        hits = 0
        while True:
            line = s.line()
            if line.startswith(b"* SEARCH"):
                hits = len(line.split()) - 2
            if line.startswith(tag + b" "):
                return "%d-hits" % hits

    return s, [("login+SELECT", login_select), ("FETCH-1:*-envelope", fetch_env),
               ("FETCH-1:1000-BODY[]", fetch_bodies), ("FETCH-n-BODY[]-x1000", single),
               ("SEARCH-BODY", search)]


def measure(ports, user, password, rounds):
    """Each figure: WARMUP untimed runs per server (a JIT-compiled server needs a few to reach its
    steady state; Dovecot's index is built by the first), then ROUNDS runs alternating between the servers
    (so both see the same machine load); prints the median and the minimum per server."""
    sessions = [figures(p, user, password) for p in ports]
    for i, (name, _) in enumerate(sessions[0][1]):
        times = [[] for _ in ports]
        details = [None for _ in ports]
        for _ in range(WARMUP):
            for k, (_, figs) in enumerate(sessions):
                figs[i][1]()
        for _ in range(rounds):
            for k, (_, figs) in enumerate(sessions):
                t0 = time.perf_counter()
                details[k] = figs[i][1]()
                times[k].append(time.perf_counter() - t0)
        for k, port in enumerate(ports):
            print("RESULT %d %s %.6f %.6f %s" % (port, name, statistics.median(times[k]), min(times[k]), details[k]),
                  flush=True)
    for s, _ in sessions:
        s.close()


SMALL = (b"From: Mixed <mixed@corpus.test>\r\nTo: User <user@bench.test>\r\n"
         b"Subject: mixed load %d\r\nDate: Mon, 7 Sep 2026 10:00:00 +0000\r\n"
         b"Message-ID: <mixed%d@corpus.test>\r\n\r\n" + b"imaptest-like mixed load body line\r\n" * 60)


def mixed_client(args):
    port, user, password, seconds, seed = args
    rng = random.Random(seed)
    c = login(port, user, password)
    ops = 0
    end = time.monotonic() + seconds
    k = 0
    while time.monotonic() < end:
        k += 1
        uid = c.append("INBOX", SMALL % (seed * 1000000 + k, seed * 1000000 + k)); ops += 1
        c.exists = 0
        count, _ = c.cmd("SELECT INBOX"); ops += 1
        top = max(1, min(5000, c.exists))  # a small corpus (MESSAGES < 5000) has fewer messages
        c.cmd("UID FETCH %d:* (FLAGS UID RFC822.SIZE)" % max(1, (uid or 1) - 20)); ops += 1
        c.cmd("FETCH %d BODY.PEEK[]" % rng.randint(1, top)); ops += 1
        c.cmd("STORE %d +FLAGS (\\Flagged)" % rng.randint(1, top)); ops += 1
        if uid:
            c.cmd("UID STORE %d +FLAGS.SILENT (\\Deleted)" % uid); ops += 1
            c.cmd("UID EXPUNGE %d" % uid); ops += 1
    c.close()
    return ops


def mixed(port, user, password, clients, seconds):
    with multiprocessing.Pool(clients) as pool:
        counts = pool.map(mixed_client, [(port, user, password, seconds, i + 1) for i in range(clients)])
    print("RESULT mixed %d %.1f" % (sum(counts), sum(counts) / seconds), flush=True)


def rss_mib(pid, field="VmRSS"):
    """Resident memory of the process in MiB (RssAnon: without file-backed pages such as SQLite's mmap)."""
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1]) // 1024
    return -1


async def idle_one(port, user, password, sem, ready, stop, held):
    async with sem:
        for attempt in range(5):
            try:
                reader, writer = await asyncio.open_connection("127.0.0.1", port)
                break
            except OSError:
                await asyncio.sleep(0.2 * (attempt + 1))
        else:
            return
        try:
            await reader.readline()
            writer.write(b"a LOGIN %s %s\r\nb SELECT INBOX\r\nc IDLE\r\n" % (user.encode(), password.encode()))
            while True:
                line = await asyncio.wait_for(reader.readline(), 120)
                if not line:
                    return
                if line.startswith(b"+"):
                    break
                if line[:2] in (b"a ", b"b ", b"c ") and b" OK" not in line[:6]:
                    print("idle refused: %r" % line[:120], file=sys.stderr)
                    return
        except (OSError, asyncio.TimeoutError):
            writer.close()
            return
    held.append(1)
    ready.release()
    await stop.wait()
    try:
        writer.write(b"DONE\r\nd LOGOUT\r\n")
        writer.close()
    except OSError:
        pass


async def idle(port, user, password, n, hold, pid):
    sem = asyncio.Semaphore(200)
    ready = asyncio.Semaphore(0)
    stop = asyncio.Event()
    held = []
    base = rss_mib(pid)
    base_anon = rss_mib(pid, "RssAnon")
    t0 = time.monotonic()
    tasks = [asyncio.create_task(idle_one(port, user, password, sem, ready, stop, held)) for _ in range(n)]
    deadline = t0 + 300
    while len(held) < n and time.monotonic() < deadline and not all(t.done() for t in tasks if t):
        await asyncio.sleep(0.5)
    setup = time.monotonic() - t0
    await asyncio.sleep(hold)
    rss = rss_mib(pid)
    print("RESULT idle %d %d %d %.1f %d %d" % (len(held), rss, base, setup, rss_mib(pid, "RssAnon"), base_anon),
          flush=True)
    stop.set()
    await asyncio.wait(tasks, timeout=60)


def main():
    mode, user, password = sys.argv[1], sys.argv[3], sys.argv[4]
    port = int(sys.argv[2].split(",")[0])
    if mode == "measure":
        measure([int(p) for p in sys.argv[2].split(",")], user, password, int(sys.argv[5]))
    elif mode == "mixed":
        mixed(port, user, password, int(sys.argv[5]), float(sys.argv[6]))
    elif mode == "idle":
        asyncio.run(idle(port, user, password, int(sys.argv[5]), float(sys.argv[6]), int(sys.argv[7])))


if __name__ == "__main__":
    main()
