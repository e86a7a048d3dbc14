"""Independent implementations for Yubin's interop tests: python3-dkim and python3-spf (pyspf).

Usage: authtool.py DNS_PORT COMMAND ...
  dkim-verify FILE              prints one line per signature: "pass" or "fail"
  dkim-sign FILE DOMAIN SELECTOR ALG CANON KEYFILE   prints the DKIM-Signature field
  spf CASEFILE                  each line "ip sender helo"; prints one result per line
All DNS queries go to 127.0.0.1:DNS_PORT (Yubin's in-process test DNS server).
"""
import sys

import dns.resolver

port = int(sys.argv[1])
resolver = dns.resolver.Resolver(configure=False)
resolver.nameservers = ["127.0.0.1"]
resolver.port = port
resolver.lifetime = 5
dns.resolver.default_resolver = resolver

command = sys.argv[2]
if command == "dkim-verify":
    import dkim
    message = open(sys.argv[3], "rb").read()
    d = dkim.DKIM(message)
    count = sum(1 for line in message.split(b"\r\n") if line.lower().startswith(b"dkim-signature:"))
    for i in range(count):
        print("pass" if d.verify(idx=i) else "fail")
elif command == "dkim-sign":
    import dkim
    message = open(sys.argv[3], "rb").read()
    domain, selector, alg, canon, keyfile = sys.argv[4:9]
    key = open(keyfile, "rb").read().strip()
    header = dkim.sign(message, selector.encode(), domain.encode(), key,
                       canonicalize=tuple(c.encode() for c in canon.split("/")),
                       signature_algorithm=alg.encode(),
                       include_headers=[b"from", b"to", b"subject", b"date"])
    sys.stdout.write(header.decode())
elif command == "spf":
    import spf
    for line in open(sys.argv[3]):
        ip, sender, helo = line.split()
        result, explanation = spf.check2(i=ip, s="" if sender == "-" else sender, h=helo)
        print(result)
else:
    sys.exit("unknown command " + command)
