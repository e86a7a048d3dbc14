package dev.yubin.app.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every configuration key Yubin knows, declared once with type, default and doc. The YAML file
 * nests on the dots ({@code smtp.max-message-size} is {@code max-message-size} under
 * {@code smtp:}). {@code yubin config defaults} prints this catalogue as a commented YAML file.
 * Defaults follow Postfix and Dovecot where they have an equivalent (named in the doc).
 */
public final class Catalogue {
    private static final Map<String, Setting> SETTINGS = new LinkedHashMap<>();

    private static Setting def(String key, SettingType type, String dflt, String doc) {
        Setting s = new Setting(key, type, dflt, doc);
        if (SETTINGS.put(key, s) != null) {
            throw new IllegalStateException("setting declared twice: " + key);
        }
        return s;
    }

    // ---- server-wide
    public static final Setting DATA_DIR = def("data-dir", SettingType.PATH, "./data",
            "Directory holding the database, message blobs, TLS material and keys.");
    public static final Setting HOSTNAME = def("hostname", SettingType.STRING, "",
            "This server's name in greetings and Received headers; empty means the machine's host name.");
    public static final Setting TLS_CERT = def("tls.certificate", SettingType.STRING, "",
            "PEM certificate chain; empty means a self-signed certificate generated under data-dir/tls on first run.");
    public static final Setting TLS_KEY = def("tls.private-key", SettingType.STRING, "",
            "PEM private key matching tls.certificate.");
    public static final Setting AUTH_CLEARTEXT = def("auth.cleartext", SettingType.STRING, "loopback-only",
            "Where passwords may be sent without TLS: never, loopback-only (127.0.0.0/8 and ::1) or always.");
    public static final Setting AUTH_INBOUND_CHECKS = def("auth.inbound-checks", SettingType.BOOLEAN, "on",
            "SPF, DKIM, DMARC and ARC on mail arriving at the MX, with Authentication-Results; off skips them.");
    public static final Setting AUTH_BAN_AFTER = def("auth.ban-after-failures", SettingType.INT, "10",
            "Failed logins from one address before it is banned for auth.ban-duration.");
    public static final Setting AUTH_BAN_DURATION = def("auth.ban-duration", SettingType.DURATION, "15m",
            "How long an address stays banned after too many failed logins.");
    public static final Setting AUTH_ARC_TRUSTED_SEALERS = def("auth.arc-trusted-sealers", SettingType.STRING, "",
            "Comma-separated ARC sealer domains (forwarders, lists) whose recorded dmarc=pass overrides a DMARC failure here.");

    // ---- SMTP (MX)
    public static final Setting SMTP_LISTEN = def("smtp.listen", SettingType.LISTEN_ADDRESS, "0.0.0.0:25",
            "Address of the MX listener (SMTP, STARTTLS); 'off' disables it.");
    public static final Setting SUBMISSION_LISTEN = def("submission.listen", SettingType.LISTEN_ADDRESS, "0.0.0.0:587",
            "Address of the submission listener (RFC 6409: STARTTLS, AUTH required); 'off' disables it.");
    public static final Setting SUBMISSIONS_LISTEN = def("submissions.listen", SettingType.LISTEN_ADDRESS, "0.0.0.0:465",
            "Address of the submission listener with implicit TLS (RFC 8314); 'off' disables it.");
    public static final Setting SUBMISSION_HIDE_CLIENT = def("submission.hide-client-address", SettingType.BOOLEAN, "off",
            "Leave the client's host and address out of the Received line of authenticated submissions (privacy).");
    public static final Setting SMTP_MAX_MESSAGE_SIZE = def("smtp.max-message-size", SettingType.SIZE, "10240000",
            "Largest message accepted, in bytes (Postfix message_size_limit); larger gets 552 5.3.4.");
    public static final Setting SMTP_MAX_RECIPIENTS = def("smtp.max-recipients", SettingType.INT, "1000",
            "Recipients per transaction (Postfix smtpd_recipient_limit); more get 452 4.5.3.");
    public static final Setting SMTP_MAX_ERRORS = def("smtp.max-errors", SettingType.INT, "20",
            "Errors in one session before 421 and disconnect (Postfix smtpd_hard_error_limit).");
    public static final Setting SMTP_MAX_HOPS = def("smtp.max-received-headers", SettingType.INT, "50",
            "Received: headers above which a message is a mail loop, 554 5.4.0 (Postfix hopcount_limit).");
    public static final Setting SMTP_MAX_MIME_DEPTH = def("smtp.max-mime-depth", SettingType.INT, "100",
            "MIME nesting levels accepted; deeper is refused with 554 5.4.0 at the end of data.");
    public static final Setting SMTP_TIMEOUT = def("smtp.timeout", SettingType.DURATION, "300s",
            "How long to wait for a client command or data line (Postfix smtpd_timeout).");
    public static final Setting SMTP_DATA_TIMEOUT = def("smtp.data-timeout", SettingType.DURATION, "10m",
            "Longest time one DATA or BDAT transfer may take in total.");
    public static final Setting SMTP_MAX_CONNECTIONS = def("smtp.max-connections", SettingType.INT, "1000",
            "Concurrent SMTP connections; more get 421 4.7.0.");
    public static final Setting SMTP_MAX_PER_ADDRESS = def("smtp.max-connections-per-address", SettingType.INT, "50",
            "Concurrent connections from one client address (Postfix smtpd_client_connection_count_limit); more get 421 4.7.0.");

    // ---- outbound delivery
    public static final Setting DELIVERY_PORT = def("delivery.port", SettingType.INT, "25",
            "TCP port outbound delivery connects to (25; two instances on one machine use another).");
    public static final Setting DELIVERY_MAX_CONNECTIONS = def("delivery.max-connections", SettingType.INT, "100",
            "Outbound connections open at once (Postfix default_process_limit).");
    public static final Setting DELIVERY_MAX_PER_DOMAIN = def("delivery.max-connections-per-domain", SettingType.INT,
            "20", "Outbound connections to one destination domain (Postfix default_destination_concurrency_limit).");
    public static final Setting DELIVERY_RETRY_INITIAL = def("delivery.retry-initial", SettingType.DURATION, "5m",
            "First retry delay after a temporary failure; it doubles up to delivery.retry-max.");
    public static final Setting DELIVERY_RETRY_MAX = def("delivery.retry-max", SettingType.DURATION, "4h",
            "Longest delay between two delivery attempts.");
    public static final Setting DELIVERY_MAX_LIFETIME = def("delivery.max-lifetime", SettingType.DURATION, "5d",
            "How long a message is retried before it bounces (Postfix maximal_queue_lifetime).");
    public static final Setting DELIVERY_DELAY_WARNING = def("delivery.delay-warning", SettingType.DURATION, "4h",
            "When the sender gets a 'still trying' notice (DSN action=delayed); 0s never.");
    public static final Setting DNS_SERVER = def("dns.server", SettingType.STRING, "",
            "DNS server (host:port) for MX/SPF/DKIM lookups; empty means the system's resolvers.");
    public static final Setting DELIVERY_MTA_STS = def("delivery.mta-sts", SettingType.BOOLEAN, "on",
            "Fetch, cache (under data-dir/mta-sts) and apply recipient domains' MTA-STS policies (RFC 8461).");
    public static final Setting DELIVERY_DANE = def("delivery.dane", SettingType.BOOLEAN, "on",
            "Check certificates against DNSSEC-signed TLSA records (RFC 7672); trusts the AD bit of dns.server.");

    // ---- HTTP and our own MTA-STS policy
    public static final Setting HTTP_LISTEN = def("http.listen", SettingType.LISTEN_ADDRESS, "127.0.0.1:8080",
            "Address of the HTTP listener (/healthz, MTA-STS policy; HTTPS comes from a reverse proxy); 'off' disables it.");
    public static final Setting MTA_STS_DOMAINS = def("mta-sts.domains", SettingType.STRING, "*",
            "Local domains that publish our MTA-STS policy: '*' for all, a comma-separated list, or empty for none.");
    public static final Setting MTA_STS_MODE = def("mta-sts.mode", SettingType.STRING, "testing",
            "Mode of the MTA-STS policy we publish (RFC 8461 §5): testing, enforce or none.");
    public static final Setting MTA_STS_MAX_AGE = def("mta-sts.max-age", SettingType.DURATION, "7d",
            "max_age of the MTA-STS policy we publish (RFC 8461 §3.2: at most 365d).");
    public static final Setting MTA_STS_MX = def("mta-sts.mx", SettingType.STRING, "",
            "MX patterns in the MTA-STS policy we publish, comma-separated; empty means this server's hostname.");

    // ---- IMAP
    public static final Setting IMAP_LISTEN = def("imap.listen", SettingType.LISTEN_ADDRESS, "0.0.0.0:143",
            "Address of the IMAP listener (STARTTLS); 'off' disables it.");
    public static final Setting IMAP_MAX_SESSIONS = def("imap.max-sessions-per-user", SettingType.INT, "10",
            "Concurrent IMAP sessions of one user from one address (Dovecot mail_max_userip_connections).");
    public static final Setting IMAP_IDLE_TIMEOUT = def("imap.idle-timeout", SettingType.DURATION, "30m",
            "How long an authenticated IMAP client may stay silent (RFC 9051 §5.4: at least 30 minutes).");
    public static final Setting IMAP_MAX_CONNECTIONS = def("imap.max-connections", SettingType.INT, "20000",
            "Concurrent IMAP connections over both listeners.");
    public static final Setting IMAPS_LISTEN = def("imaps.listen", SettingType.LISTEN_ADDRESS, "0.0.0.0:993",
            "Address of the IMAP listener with implicit TLS (RFC 8314); 'off' disables it.");

    // ---- POP3
    public static final Setting POP3_LISTEN = def("pop3.listen", SettingType.LISTEN_ADDRESS, "0.0.0.0:110",
            "Address of the POP3 listener (STLS); 'off' disables it.");
    public static final Setting POP3S_LISTEN = def("pop3s.listen", SettingType.LISTEN_ADDRESS, "0.0.0.0:995",
            "Address of the POP3 listener with implicit TLS (RFC 8314); 'off' disables it.");

    // ---- DMARC aggregate reports (RFC 7489 §7.2)
    public static final Setting DMARC_REPORTS_ENABLED = def("dmarc.reports.enabled", SettingType.BOOLEAN, "off",
            "Record the DMARC evaluation of inbound mail and send aggregate reports to domains that ask (rua=).");
    public static final Setting DMARC_REPORTS_ORG_NAME = def("dmarc.reports.org-name", SettingType.STRING, "",
            "Our organisation's name in the reports; empty means the host name.");
    public static final Setting DMARC_REPORTS_FROM = def("dmarc.reports.from", SettingType.STRING, "",
            "Address the reports come from; empty means noreply-dmarc@<hostname>.");
    public static final Setting DMARC_REPORTS_INTERVAL = def("dmarc.reports.interval", SettingType.DURATION, "1d",
            "How often reports are sent (RFC 7489 ri= default: one day).");

    private Catalogue() {
    }

    public static List<Setting> all() {
        return List.copyOf(SETTINGS.values());
    }

    public static Setting lookup(String key) {
        return SETTINGS.get(key);
    }
}
