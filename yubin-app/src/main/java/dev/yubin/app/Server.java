package dev.yubin.app;

import dev.yubin.app.config.Catalogue;
import dev.yubin.app.config.Config;
import dev.yubin.message.MessageIndexer;
import dev.yubin.message.MessageLimits;
import dev.yubin.net.Listener;
import dev.yubin.net.ListenerSettings;
import dev.yubin.smtp.server.SmtpServer;
import dev.yubin.smtp.server.SmtpSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
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

    private Server(Stores stores) {
        this.stores = stores;
    }

    /** Starts everything or nothing: a listener that cannot bind stops start-up with its address named. */
    public static Server start(Config config) {
        Stores stores = Stores.open(config);
        Server server = new Server(stores);
        try {
            server.startListeners(config);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    static String hostname(Config config) {
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

    private void startListeners(Config config) {
        String hostname = hostname(config);
        MessageLimits d = MessageLimits.defaults();
        MessageIndexer indexer = new MessageIndexer(new MessageLimits(config.integer(Catalogue.SMTP_MAX_MIME_DEPTH),
                d.maxHeaderBytes(), d.maxSearchTextBytes()));

        InetSocketAddress smtpAddress = config.listen(Catalogue.SMTP_LISTEN);
        if (smtpAddress != null) {
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
            SmtpServer handler = new SmtpServer(smtp, stores.directory(), stores.mailboxes(), stores.blobs(),
                    indexer, List.of(), Clock.systemUTC());
            listen(new ListenerSettings("smtp", smtpAddress, ListenerSettings.Tls.PLAIN,
                    config.integer(Catalogue.SMTP_MAX_CONNECTIONS), config.integer(Catalogue.SMTP_MAX_PER_ADDRESS),
                    config.duration(Catalogue.SMTP_TIMEOUT)), null, handler.lineLimit(), handler);
        }
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
        stores.close();
        LOG.info("event=server.stopped");
    }
}
