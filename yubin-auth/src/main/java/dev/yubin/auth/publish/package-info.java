/**
 * What to publish in DNS for a mail domain: {@link dev.yubin.auth.publish.DomainRecords} turns a
 * {@link dev.yubin.auth.publish.DomainSetup} into zone-file lines (MX, SPF, DKIM, DMARC, MTA-STS,
 * TLS-RPT, SRV/CNAME for client autoconfiguration) and the MTA-STS policy text.
 *
 * <p>RFCs: 1035 (zone files), 5321, 6186, 6376, 7208, 7489, 8314, 8460, 8461. Invariants: pure
 * functions, no DNS lookups; TXT data split into strings of at most 255 octets. Known gaps: no
 * DANE TLSA line (it depends on the certificate, which lives elsewhere); no A/AAAA for the host.
 */
package dev.yubin.auth.publish;
