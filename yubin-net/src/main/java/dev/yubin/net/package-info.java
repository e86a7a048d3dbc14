/**
 * Network plumbing shared by every protocol server: listeners that run one virtual thread per
 * connection, a bounded line reader, STARTTLS and implicit TLS, SASL mechanisms, and
 * connection/authentication rate limits.
 *
 * <p>RFCs: 3207, 2595, 8314 (TLS), 4422/4616/5802/7677 (SASL). Invariants: no read allocates more
 * than its limit; plaintext received before a TLS handshake is discarded. Known gaps: no PROXY
 * protocol support.
 */
package dev.yubin.net;
