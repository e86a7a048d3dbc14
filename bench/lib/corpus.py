#!/usr/bin/env python3
"""Reproducible benchmark corpus: N RFC 5322 messages, average ~16 KB, CRLF line ends.

Usage: corpus.py N OUTDIR     writes OUTDIR/000001.eml ... (seeded: the same N gives the same files)
The mix: 60 % plain text, 25 % multipart/alternative (text + HTML), 15 % multipart/mixed with a
base64 attachment. Bodies draw on a fixed vocabulary so full-text search has realistic hits; every
100th message contains the word "zanzibar" (the SEARCH BODY probe).
"""
import base64
import os
import random
import sys

WORDS = ("the of and to in is was for on that with as by at from his her they this which have are "
         "mail server queue delivery message folder inbox invoice meeting project report budget team "
         "review schedule customer contract release update weekly summary agenda draft attachment "
         "thanks regards hello please note about question answer today tomorrow monday friday").split()


def para(rng, words):
    return " ".join(rng.choice(WORDS) for _ in range(words))


def wrap(text, width=72):
    out, line = [], ""
    for w in text.split(" "):
        if len(line) + len(w) + 1 > width:
            out.append(line)
            line = w
        else:
            line = (line + " " + w) if line else w
    if line:
        out.append(line)
    return "\r\n".join(out)


def message(i, rng):
    size = int(rng.lognormvariate(9.2, 0.7))  # median ~11 KB, mean ~16 KB
    size = max(1500, min(size, 400_000))
    words = size // 6
    text = wrap(para(rng, words))
    if i % 100 == 0:
        text += "\r\nThe shipment to zanzibar is confirmed.\r\n"
    day = 1 + i % 28
    hdr = (f"Return-Path: <sender{i % 50}@corpus.test>\r\n"
           f"Received: from client.corpus.test (client.corpus.test [127.0.0.1])\r\n"
           f"\tby bench.test with ESMTP id c{i:06d}; Mon, {day} Sep 2026 10:{i % 60:02d}:00 +0000\r\n"
           f"From: Sender {i % 50} <sender{i % 50}@corpus.test>\r\n"
           f"To: User <user@bench.test>\r\n"
           f"Subject: {para(rng, 4)} #{i}\r\n"
           f"Date: Mon, {day} Sep 2026 10:{i % 60:02d}:00 +0000\r\n"
           f"Message-ID: <m{i}@corpus.test>\r\n"
           f"MIME-Version: 1.0\r\n")
    kind = rng.random()
    if kind < 0.60:
        return hdr + "Content-Type: text/plain; charset=utf-8\r\n\r\n" + text + "\r\n"
    b = f"b{i}x"
    if kind < 0.85:
        html = "<html><body><p>" + text.replace("\r\n", " ") + "</p></body></html>"
        return (hdr + f'Content-Type: multipart/alternative; boundary="{b}"\r\n\r\n'
                f"--{b}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{text}\r\n"
                f"--{b}\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{wrap(html)}\r\n--{b}--\r\n")
    blob = bytes(rng.getrandbits(8) for _ in range(max(512, size // 3)))
    att = "\r\n".join(base64.b64encode(blob).decode()[k:k + 76] for k in range(0, len(blob) * 4 // 3 + 4, 76))
    short = wrap(para(rng, max(50, words // 2)))
    return (hdr + f'Content-Type: multipart/mixed; boundary="{b}"\r\n\r\n'
            f"--{b}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{short}\r\n"
            f"--{b}\r\nContent-Type: application/octet-stream; name=\"data{i}.bin\"\r\n"
            f"Content-Transfer-Encoding: base64\r\nContent-Disposition: attachment; filename=\"data{i}.bin\"\r\n\r\n"
            f"{att.strip()}\r\n--{b}--\r\n")


def main():
    n, out = int(sys.argv[1]), sys.argv[2]
    os.makedirs(out, exist_ok=True)
    rng = random.Random(20261125)
    total = 0
    for i in range(1, n + 1):
        data = message(i, rng).encode()
        total += len(data)
        with open(os.path.join(out, f"{i:06d}.eml"), "wb") as f:
            f.write(data)
    print(f"corpus: {n} messages, average {total // n} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
