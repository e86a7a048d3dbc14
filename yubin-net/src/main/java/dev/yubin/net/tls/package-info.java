/**
 * TLS for every listener: {@link dev.yubin.net.tls.TlsContexts} builds one server
 * {@link javax.net.ssl.SSLContext} from {@link dev.yubin.net.tls.TlsSettings} (PEM chain + key,
 * per-domain certificates chosen by SNI, or a self-signed certificate generated on first run and
 * kept in {@code DATA/tls/}).
 *
 * <p>Usage: {@code TlsContexts tls = TlsContexts.load(TlsSettings.selfSigned(dataDir, "mail.example.com"));}
 * then {@code new Listener(settings, tls.serverContext(), ...)} for implicit TLS (RFC 8314) or
 * {@code connection.startTls(tls.serverContext())} after the STARTTLS/STLS go-ahead reply
 * (RFC 3207, RFC 2595). Tests trust the server with {@code TlsContexts.clientTrusting(tls.defaultChain())}.
 *
 * <p>RFCs: 8446 (TLS 1.3), 5246 (TLS 1.2), 8996 (no TLS 1.0/1.1), 6066 §3 (SNI), 8314 (implicit TLS).
 * Invariants: every socket made by {@code serverContext()} offers only TLS 1.3/1.2 with AEAD,
 * forward-secret suites in the server's order; the generated private key file is mode 0600 and
 * is written before its certificate. Known gaps: no certificate reload without restart, no OCSP
 * stapling, no ACME, no encrypted private keys, no client certificates.
 */
package dev.yubin.net.tls;
