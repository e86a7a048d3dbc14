package dev.yubin.app;

import dev.yubin.app.config.Catalogue;
import dev.yubin.app.config.Config;
import dev.yubin.app.dkim.DkimKeyStore;
import dev.yubin.imap.ImapServer;
import dev.yubin.imap.ImapSettings;
import dev.yubin.message.MessageIndexer;
import dev.yubin.message.MessageLimits;
import dev.yubin.net.Listener;
import dev.yubin.net.ListenerSettings;
import dev.yubin.net.auth.Authenticator;
import dev.yubin.net.auth.CleartextPolicy;
import dev.yubin.net.auth.LoginThrottle;
import dev.yubin.net.auth.LoginThrottleSettings;
import dev.yubin.net.sasl.SaslMechanisms;
import dev.yubin.net.tls.CertificateFiles;
import dev.yubin.net.tls.TlsContexts;
import dev.yubin.net.tls.TlsSettings;
import dev.yubin.pop3.Pop3Server;
import dev.yubin.pop3.Pop3Settings;
import dev.yubin.core.EmailAddress;
import dev.yubin.dns.DnsjavaResolver;
import dev.yubin.dns.DnsjavaSettings;
import dev.yubin.dns.Resolver;
import dev.yubin.smtp.dmarc.DmarcReportSettings;
import dev.yubin.smtp.dmarc.DmarcReporter;
import dev.yubin.smtp.queue.OutboundQueue;
import dev.yubin.smtp.queue.OutboundSettings;
import dev.yubin.smtp.queue.TransportSecurity;
import dev.yubin.auth.mtasts.FileMtaStsPolicyStore;
import dev.yubin.auth.mtasts.HttpsMtaStsFetcher;
import dev.yubin.auth.mtasts.MtaStsCache;
import dev.yubin.http.HealthRoutes;
import dev.yubin.http.HttpServer;
import dev.yubin.http.HttpSettings;
import dev.yubin.http.MtaStsRoutes;
import dev.yubin.store.Directory;
import dev.yubin.auth.AuthSettings;
import dev.yubin.auth.MessageAuthenticator;
import dev.yubin.smtp.server.InboundFilter;
import dev.yubin.smtp.server.SmtpAccess;
import dev.yubin.smtp.server.auth.AuthenticationFilter;
import dev.yubin.smtp.server.SmtpServer;
import dev.yubin.store.sql.SqliteStore;
import dev.yubin.store.dmarc.DmarcReportStore;
import dev.yubin.store.sql.dmarc.SqliteDmarcReportStore;
import dev.yubin.store.sql.queue.SqliteQueueStore;
import dev.yubin.smtp.server.SmtpSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: opens the store the configuration names, builds every protocol server
 * with its settings and starts one listener per configured address. Nothing else in Yubin knows
 * all the modules.
 */
public final class Server implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Server.class);

    private final Stores stores;
    private final List<Listener> listeners = new ArrayList<>();
    private OutboundQueue queue;
    private DmarcReportStore dmarcReports;
    private DmarcReporter dmarcReporter;
    private HttpServer http;

    private Server(Stores stores) {
        this.stores = stores;
    }

    /** Starts everything or nothing: a listener that cannot bind stops start-up with its address named. */
    public static Server start(Config config) {
        Stores stores = Stores.openIndexing(config, indexer(config));
        Server server = new Server(stores);
        if (stores.handle() instanceof dev.yubin.store.sql.SqliteStore sqlite) {
            // Bodies written before a crash but never delivered: remove the ones older than a day.
            Thread.ofVirtual().name("blob-sweep").start(() -> {
                try {
                    sqlite.sweepOrphanBlobs(java.time.Duration.ofDays(1));
                } catch (java.io.IOException | RuntimeException e) {
                    LOG.warn("event=store.sweep_failed", e);
                }
            });
        }
        try {
            server.startListeners(config);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** The configured {@code hostname}, else the machine's name. */
    public static String hostname(Config config) {
        String h = config.string(Catalogue.HOSTNAME);
        if (!h.isBlank()) {
            return h;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    /** The MIME parser with the configured limits (the SMTP MIME depth limit applies everywhere). */
    public static MessageIndexer indexer(Config config) {
        MessageLimits d = MessageLimits.defaults();
        return new MessageIndexer(new MessageLimits(config.integer(Catalogue.SMTP_MAX_MIME_DEPTH),
                d.maxHeaderBytes(), d.maxSearchTextBytes()));
    }

    private static java.util.Set<String> commaList(String value) {
        return java.util.Arrays.stream(value.split(",")).map(String::strip).filter(x -> !x.isEmpty())
                .collect(java.util.stream.Collectors.toSet());
    }

    /** SPF/DKIM/DMARC/ARC on the MX; with DMARC reports on, each evaluation is also kept for them. */
    private AuthenticationFilter authenticationFilter(Config config, String hostname, Resolver resolver) {
        MessageAuthenticator authenticator = new MessageAuthenticator(resolver, AuthSettings.defaults(hostname)
                .withTrustedArcSealers(commaList(config.string(Catalogue.AUTH_ARC_TRUSTED_SEALERS))), Clock.systemUTC());
        return dmarcReports == null ? new AuthenticationFilter(authenticator, hostname)
                : new AuthenticationFilter(authenticator, hostname, dmarcReports, Clock.systemUTC());
    }

    /** RFC 7489 §7.2: evaluations kept in the store, reports sent through the queue every interval. */
    private void startDmarcReports(Config config, String hostname, Resolver resolver, SqliteStore sqlite) {
        String from = config.string(Catalogue.DMARC_REPORTS_FROM);
        String org = config.string(Catalogue.DMARC_REPORTS_ORG_NAME);
        EmailAddress sender;
        try {
            sender = EmailAddress.parse(from.isBlank() ? "noreply-dmarc@" + hostname : from);
        } catch (IllegalArgumentException e) {
            throw new dev.yubin.app.config.ConfigException("invalid value for 'dmarc.reports.from': " + from);
        }
        dmarcReports = new SqliteDmarcReportStore(sqlite);
        dmarcReporter = new DmarcReporter(new DmarcReportSettings(org.isBlank() ? hostname : org, sender,
                config.duration(Catalogue.DMARC_REPORTS_INTERVAL), DmarcReportSettings.DEFAULT_MAX_RECORDS),
                dmarcReports, resolver, queue, stores.blobs(), Clock.systemUTC());
        dmarcReporter.start();
    }

    private void startListeners(Config config) {
        String hostname = hostname(config);
        MessageIndexer indexer = indexer(config);

        Resolver resolver = new DnsjavaResolver(dnsSettings(config));
        if (stores.handle() instanceof SqliteStore sqlite) {
            OutboundSettings out = OutboundSettings.defaults(hostname)
                    .withPort(config.integer(Catalogue.DELIVERY_PORT))
                    .withRetry(config.duration(Catalogue.DELIVERY_RETRY_INITIAL), config.duration(Catalogue.DELIVERY_RETRY_MAX),
                            config.duration(Catalogue.DELIVERY_MAX_LIFETIME), config.duration(Catalogue.DELIVERY_DELAY_WARNING));
            out = out.withConnections(config.integer(Catalogue.DELIVERY_MAX_CONNECTIONS),
                    config.integer(Catalogue.DELIVERY_MAX_PER_DOMAIN), out.messagesPerConnection(), out.perDomainInterval());
            queue = new OutboundQueue(out, new SqliteQueueStore(sqlite, Clock.systemUTC()), resolver, stores.directory(),
                    stores.mailboxes(), stores.blobs(), indexer, Clock.systemUTC(),
                    new DkimKeyStore(config.path(Catalogue.DATA_DIR).resolve("dkim"), Clock.systemUTC()),
                    transportSecurity(config, resolver));
            queue.start();
            if (config.bool(Catalogue.DMARC_REPORTS_ENABLED)) {
                startDmarcReports(config, hostname, resolver, sqlite);
            }
        }

        startHttp(config, hostname);

        InetSocketAddress smtpAddress = config.listen(Catalogue.SMTP_LISTEN);
        InetSocketAddress submission = config.listen(Catalogue.SUBMISSION_LISTEN);
        InetSocketAddress submissions = config.listen(Catalogue.SUBMISSIONS_LISTEN);
        InetSocketAddress imap = config.listen(Catalogue.IMAP_LISTEN);
        InetSocketAddress imaps = config.listen(Catalogue.IMAPS_LISTEN);
        InetSocketAddress pop3 = config.listen(Catalogue.POP3_LISTEN);
        InetSocketAddress pop3s = config.listen(Catalogue.POP3S_LISTEN);
        if (smtpAddress == null && submission == null && submissions == null && imap == null && imaps == null
                && pop3 == null && pop3s == null) {
            return;
        }
        // One TLS context, one authenticator and one login throttle shared by every protocol
        TlsContexts tls = tls(config, hostname);
        CleartextPolicy cleartext;
        try {
            cleartext = CleartextPolicy.parse(config.string(Catalogue.AUTH_CLEARTEXT));
        } catch (IllegalArgumentException e) {
            throw new dev.yubin.app.config.ConfigException("invalid value for 'auth.cleartext': expected never, "
                    + "loopback-only or always, got '" + config.string(Catalogue.AUTH_CLEARTEXT) + "'");
        }
        Authenticator authenticator = new Authenticator(stores.directory());
        LoginThrottleSettings t = LoginThrottleSettings.DEFAULTS;
        LoginThrottle throttle = new LoginThrottle(new LoginThrottleSettings(t.firstDelay(), t.maxDelay(),
                config.integer(Catalogue.AUTH_BAN_AFTER), config.duration(Catalogue.AUTH_BAN_DURATION), t.forgetAfter(),
                t.maxTracked()));
        SaslMechanisms sasl = new SaslMechanisms(authenticator, cleartext);

        if (smtpAddress != null || submission != null || submissions != null) {
            SmtpSettings smtp = SmtpSettings.builder()
                    .hostname(hostname)
                    .maxMessageSize(config.size(Catalogue.SMTP_MAX_MESSAGE_SIZE))
                    .maxRecipients(config.integer(Catalogue.SMTP_MAX_RECIPIENTS))
                    .maxErrors(config.integer(Catalogue.SMTP_MAX_ERRORS))
                    .maxReceivedHops(config.integer(Catalogue.SMTP_MAX_HOPS))
                    .maxMimeDepth(config.integer(Catalogue.SMTP_MAX_MIME_DEPTH))
                    .commandTimeout(config.duration(Catalogue.SMTP_TIMEOUT))
                    .dataTimeLimit(config.duration(Catalogue.SMTP_DATA_TIMEOUT))
                    .build();
            SmtpAccess access = new SmtpAccess(Optional.of(tls.serverContext()), Optional.of(sasl), throttle);
            int max = config.integer(Catalogue.SMTP_MAX_CONNECTIONS);
            int perAddress = config.integer(Catalogue.SMTP_MAX_PER_ADDRESS);
            Duration timeout = config.duration(Catalogue.SMTP_TIMEOUT);
            if (smtpAddress != null) {
                List<InboundFilter> filters = config.bool(Catalogue.AUTH_INBOUND_CHECKS)
                        ? List.of(authenticationFilter(config, hostname, resolver)) : List.of();
                SmtpServer handler = new SmtpServer(smtp, stores.directory(), stores.mailboxes(), stores.blobs(),
                        indexer, filters, Clock.systemUTC(), Optional.ofNullable(queue), access);
                listen(new ListenerSettings("smtp", smtpAddress, ListenerSettings.Tls.PLAIN, max, perAddress, timeout),
                        null, handler.lineLimit(), handler);
            }
            if (submission != null || submissions != null) {
                // Outside recipients go to the outbound queue (451 when the store has none)
                SmtpSettings submit = smtp.toBuilder().mode(SmtpSettings.Mode.SUBMISSION)
                        .submitterTrace(config.bool(Catalogue.SUBMISSION_HIDE_CLIENT)
                                ? SmtpSettings.SubmitterTrace.HIDDEN : SmtpSettings.SubmitterTrace.SHOWN)
                        .build();
                SmtpServer handler = new SmtpServer(submit,
                        stores.directory(), stores.mailboxes(), stores.blobs(), indexer, List.of(), Clock.systemUTC(),
                        Optional.ofNullable(queue), access);
                if (submission != null) {
                    listen(new ListenerSettings("submission", submission, ListenerSettings.Tls.PLAIN, max, perAddress,
                            timeout), null, handler.lineLimit(), handler);
                }
                if (submissions != null) {
                    listen(new ListenerSettings("submissions", submissions, ListenerSettings.Tls.IMPLICIT, max,
                            perAddress, timeout), tls.serverContext(), handler.lineLimit(), handler);
                }
            }
        }

        if (imap != null || imaps != null) {
            ImapSettings settings = ImapSettings.defaults()
                    .withCleartext(cleartext)
                    .withMaxSessionsPerUser(config.integer(Catalogue.IMAP_MAX_SESSIONS))
                    .withTimeouts(ImapSettings.defaults().preLoginTimeout(), config.duration(Catalogue.IMAP_IDLE_TIMEOUT));
            ImapServer handler = new ImapServer(settings, stores.directory(), stores.mailboxes(), stores.blobs(),
                    indexer, authenticator, throttle, Optional.of(tls));
            int max = config.integer(Catalogue.IMAP_MAX_CONNECTIONS);
            // The listener's read timeout bounds every wait; the session tightens it before login.
            if (imap != null) {
                listen(new ListenerSettings("imap", imap, ListenerSettings.Tls.PLAIN, max, max,
                        settings.idleTimeout()), null, settings.maxLineLength(), handler);
            }
            if (imaps != null) {
                listen(new ListenerSettings("imaps", imaps, ListenerSettings.Tls.IMPLICIT, max, max,
                        settings.idleTimeout()), tls.serverContext(), settings.maxLineLength(), handler);
            }
        }
        if (pop3 != null || pop3s != null) {
            Pop3Server handler = new Pop3Server(Pop3Settings.defaults(hostname), stores.mailboxes(), stores.blobs(),
                    authenticator, throttle, sasl, Optional.of(tls));
            if (pop3 != null) {
                listen(new ListenerSettings("pop3", pop3, ListenerSettings.Tls.PLAIN, 1000, 50,
                        Pop3Settings.DEFAULT_IDLE_TIMEOUT), null, Pop3Settings.MAX_AUTH_LINE, handler);
            }
            if (pop3s != null) {
                listen(new ListenerSettings("pop3s", pop3s, ListenerSettings.Tls.IMPLICIT, 1000, 50,
                        Pop3Settings.DEFAULT_IDLE_TIMEOUT), tls.serverContext(), Pop3Settings.MAX_AUTH_LINE, handler);
            }
        }
    }

    /** MTA-STS (policies cached under data-dir/mta-sts) and DANE for outbound delivery, as configured. */
    private static TransportSecurity transportSecurity(Config config, Resolver resolver) {
        Optional<MtaStsCache> mtaSts = config.bool(Catalogue.DELIVERY_MTA_STS)
                ? Optional.of(new MtaStsCache(resolver, HttpsMtaStsFetcher.system(),
                        new FileMtaStsPolicyStore(config.path(Catalogue.DATA_DIR).resolve("mta-sts")), Clock.systemUTC()))
                : Optional.empty();
        return new TransportSecurity(resolver, mtaSts, config.bool(Catalogue.DELIVERY_DANE)
                ? TransportSecurity.Dane.ON : TransportSecurity.Dane.OFF, TransportSecurity.systemTrust(),
                Clock.systemUTC());
    }

    /** The HTTP listener: /healthz and our MTA-STS policy for the local domains that publish it. */
    private void startHttp(Config config, String hostname) {
        InetSocketAddress address = config.listen(Catalogue.HTTP_LISTEN);
        if (address == null) {
            return;
        }
        MtaStsPublishing mtaSts = MtaStsPublishing.from(config, hostname);
        Directory directory = stores.directory();
        try {
            http = HttpServer.start(new HttpSettings(address), List.of(new HealthRoutes(),
                    new MtaStsRoutes(domain -> mtaSts.policyFor(domain, directory))));
        } catch (RuntimeException e) {
            throw new UncheckedIOException("cannot listen for http on " + address.getHostString() + ":"
                    + address.getPort() + ": " + e.getMessage(), new IOException(e));
        }
        LOG.info("event=server.listening listener=http address={}:{}", address.getHostString(), http.port());
    }

    private static DnsjavaSettings dnsSettings(Config config) {
        String server = config.string(Catalogue.DNS_SERVER);
        if (server.isBlank()) {
            return DnsjavaSettings.system();
        }
        try {
            int colon = server.lastIndexOf(':');
            String host = colon > 0 ? server.substring(0, colon) : server;
            int port = colon > 0 ? Integer.parseInt(server.substring(colon + 1)) : 53;
            return DnsjavaSettings.of(new InetSocketAddress(host.replace("[", "").replace("]", ""), port));
        } catch (RuntimeException e) {
            throw new dev.yubin.app.config.ConfigException("invalid value for 'dns.server': expected host:port, got '"
                    + server + "'");
        }
    }

    /** The configured certificate, or a self-signed one generated once under data-dir/tls. */
    private static TlsContexts tls(Config config, String hostname) {
        String cert = config.string(Catalogue.TLS_CERT);
        String key = config.string(Catalogue.TLS_KEY);
        if (cert.isBlank() != key.isBlank()) {
            throw new dev.yubin.app.config.ConfigException("tls.certificate and tls.private-key go together");
        }
        Optional<CertificateFiles> files = cert.isBlank() ? Optional.empty()
                : Optional.of(new CertificateFiles(java.nio.file.Path.of(cert), java.nio.file.Path.of(key)));
        return TlsContexts.load(new TlsSettings(files, Map.of(), config.path(Catalogue.DATA_DIR), hostname));
    }

    private void listen(ListenerSettings settings, javax.net.ssl.SSLContext tls, int lineLimit,
                        dev.yubin.net.ConnectionHandler handler) {
        try {
            Listener l = new Listener(settings, tls, lineLimit, handler);
            listeners.add(l);
            LOG.info("event=server.listening listener={} address={}:{}", settings.name(),
                    settings.address().getHostString(), l.port());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen for " + settings.name() + " on "
                    + settings.address().getHostString() + ":" + settings.address().getPort() + ": " + e.getMessage(), e);
        }
    }

    /** The port a listener actually bound (for tests that configure port 0). */
    public int port(String listenerName) {
        if (listenerName.equals("http") && http != null) {
            return http.port();
        }
        return listeners.stream().filter(l -> l.settings().name().equals(listenerName)).findFirst()
                .orElseThrow().port();
    }

    public Stores stores() {
        return stores;
    }

    @Override
    public void close() {
        for (Listener l : listeners) {
            l.close();
        }
        listeners.clear();
        if (dmarcReporter != null) {
            dmarcReporter.close();
        }
        if (http != null) {
            http.close();
        }
        if (queue != null) {
            queue.close();
        }
        stores.close();
        LOG.info("event=server.stopped");
    }
}
