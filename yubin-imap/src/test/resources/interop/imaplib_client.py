"""Drives the Yubin IMAP server with python's imaplib: login, list, append, select, fetch, store,
search, copy, expunge and IDLE (raw, as imaplib 3.11 has no idle()). Prints PASS on success."""
import imaplib
import socket
import sys
import time

port = int(sys.argv[1])
password = sys.argv[2]

M = imaplib.IMAP4("127.0.0.1", port, timeout=10)
assert "IMAP4REV1" in M.capabilities, M.capabilities
typ, _ = M.login("alice@example.com", password)
assert typ == "OK"
typ, boxes = M.list()
assert typ == "OK" and any(b'"Sent"' in b for b in boxes), boxes
msg = b"From: a@example.org\r\nSubject: from python\r\n\r\nhello from imaplib\r\n"
typ, data = M.append("INBOX", "(\\Flagged)", imaplib.Time2Internaldate(time.time()), msg)
assert typ == "OK" and b"APPENDUID" in data[0], data
typ, data = M.select("INBOX")
assert typ == "OK" and data[0] == b"1", data
typ, data = M.fetch("1", "(FLAGS RFC822)")
assert typ == "OK" and data[0][1] == msg, data
typ, data = M.fetch("1", "(FLAGS)")
assert b"\\Seen" in data[0] and b"\\Flagged" in data[0], data
typ, data = M.search(None, "SUBJECT", '"from python"')
assert data == [b"1"], data
typ, data = M.search(None, "BODY", "imaplib")
assert data == [b"1"], data
typ, data = M.uid("SEARCH", "ALL")
assert data == [b"1"], data
typ, data = M.copy("1", "Archive")
assert typ == "OK", data
typ, data = M.store("1", "+FLAGS", "(\\Deleted)")
assert typ == "OK", data
typ, data = M.expunge()
assert typ == "OK" and data == [b"1"], data

# IDLE: another connection appends; the idling one must see EXISTS within a second
M.send(b"i1 IDLE\r\n")
line = M.readline()
assert line.startswith(b"+"), line
other = imaplib.IMAP4("127.0.0.1", port, timeout=10)
other.login("alice@example.com", password)
start = time.time()
other.append("INBOX", None, None, msg)
M.sock.settimeout(2)
line = M.readline()
elapsed = time.time() - start
assert line.strip() == b"* 1 EXISTS", line
assert elapsed < 1.0, elapsed
M.send(b"DONE\r\n")
while True:
    line = M.readline()
    if line.startswith(b"i1 "):
        assert line.startswith(b"i1 OK"), line
        break
M.sock.settimeout(10)
other.logout()
typ, data = M.status("Archive", "(MESSAGES)")
assert b"MESSAGES 1" in data[0], data
M.close()
M.logout()
print("PASS")
