# Writes random MIME messages built by Python's email package (a second, independent MIME
# implementation) and, for each, the SHA-256 of every leaf part's decoded payload in tree order.
# Usage: python3 python_email_corpus.py OUT_DIR COUNT SEED
import email, email.policy, hashlib, json, os, random, sys
from email.mime.application import MIMEApplication
from email.mime.message import MIMEMessage
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText

out, count, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
random.seed(seed)
WORDS = ["hello", "Gr\u00fc\u00dfe", "na\u00efve", "\u6771\u4eac", "=", "line", "x" * 90, "tab\there",
         "\u20acuro", ".", "From me", "--", "end", "=?utf-8?q?x?="]

def text():
    return " ".join(random.choice(WORDS) for _ in range(random.randint(0, 60))) + ("\n" if random.random() < .5 else "")

def leaf(depth):
    r = random.random()
    if r < .5:
        cs = random.choice(["utf-8", "iso-8859-1", "us-ascii"])
        t = text()
        try:
            t.encode(cs)
        except UnicodeEncodeError:
            cs = "utf-8"
        return MIMEText(t, random.choice(["plain", "html"]), cs)
    if r < .8 or depth <= 0:
        return MIMEApplication(random.randbytes(random.randint(0, 3000)), "octet-stream")
    inner = tree(depth - 1)
    inner["Subject"] = "inner %d" % random.randint(0, 9)
    inner["From"] = "A <a@b.example>"
    return MIMEMessage(inner)

def tree(depth):
    if depth <= 0 or random.random() < .3:
        return leaf(depth)
    m = MIMEMultipart(random.choice(["mixed", "alternative", "related"]))
    for _ in range(random.randint(1, 4)):
        m.attach(tree(depth - 1))
    return m

def leaves(p, acc):
    if p.get_content_maintype() == "multipart" and p.is_multipart():
        for c in p.get_payload():
            leaves(c, acc)
    elif p.get_content_type() == "message/rfc822":
        for c in p.get_payload():
            leaves(c, acc)
    else:
        acc.append(hashlib.sha256(p.get_payload(decode=True) or b"").hexdigest())
    return acc

manifest = []
for i in range(count):
    m = tree(4)
    m["From"] = "Sender <s@example.com>"
    m["Subject"] = "msg %d" % i
    data = m.as_bytes(policy=email.policy.SMTP)
    with open(os.path.join(out, "m%d.eml" % i), "wb") as f:
        f.write(data)
    manifest.append(leaves(email.message_from_bytes(data, policy=email.policy.compat32), []))
with open(os.path.join(out, "manifest.json"), "w") as f:
    json.dump(manifest, f)
