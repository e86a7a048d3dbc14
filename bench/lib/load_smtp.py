#!/usr/bin/env python3
"""Sends the corpus files, in order, over one SMTP connection (UIDs then follow corpus order, as
Dovecot's do for the Maildir copy). Usage: load_smtp.py PORT CORPUS_DIR RCPT"""
import os
import smtplib
import sys


def main():
    port, corpus, rcpt = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    files = sorted(f for f in os.listdir(corpus) if f.endswith(".eml"))
    s = smtplib.SMTP("127.0.0.1", port, timeout=120)
    s.ehlo("loader.bench.test")
    for i, name in enumerate(files, 1):
        with open(os.path.join(corpus, name), "rb") as f:
            data = f.read()
        s.sendmail("loader@corpus.test", [rcpt], data)
        if i % 2000 == 0:
            print("loaded %d" % i, file=sys.stderr)
    s.quit()


if __name__ == "__main__":
    main()
