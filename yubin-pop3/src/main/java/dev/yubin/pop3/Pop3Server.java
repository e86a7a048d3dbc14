package dev.yubin.pop3;

import dev.yubin.net.Connection;
import dev.yubin.net.ConnectionHandler;
import dev.yubin.net.Listener;
import dev.yubin.net.ListenerSettings;
import dev.yubin.net.auth.Authenticator;
import dev.yubin.net.auth.LoginThrottle;
import dev.yubin.net.sasl.SaslMechanisms;
import dev.yubin.net.tls.TlsContexts;
import dev.yubin.store.BlobStore;
import dev.yubin.store.MailboxStore;
import dev.yubin.store.UserId;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The POP3 server (RFC 1939 with RFC 2449 CAPA, RFC 5034 AUTH, RFC 2595 STLS, RFC 8314 implicit
 * TLS, RFC 6856 UTF8) over the users' INBOXes in the {@link MailboxStore}. One instance serves
 * any number of listeners (110 with STLS, 995 with implicit TLS); see {@link #listen}.
 */
public final class Pop3Server implements ConnectionHandler {
    private final Pop3Settings settings;
    private final MailboxStore store;
    private final BlobStore blobs;
    private final Authenticator authenticator;
    private final LoginThrottle throttle;
    private final SaslMechanisms sasl;
    private final Optional<TlsContexts> tls;
    private final Clock clock;
    private final MaildropLocks locks = new MaildropLocks();
    private final ConcurrentHashMap<UserId, Instant> lastLogin = new ConcurrentHashMap<>();

    /**
     * @param sasl mechanisms and the cleartext policy, shared with IMAP and SMTP submission
     * @param tls certificates for STLS and implicit TLS; empty disables both
     */
    public Pop3Server(Pop3Settings settings, MailboxStore store, BlobStore blobs, Authenticator authenticator,
                      LoginThrottle throttle, SaslMechanisms sasl, Optional<TlsContexts> tls, Clock clock) {
        this.settings = settings;
        this.store = store;
        this.blobs = blobs;
        this.authenticator = authenticator;
        this.throttle = throttle;
        this.sasl = sasl;
        this.tls = tls;
        this.clock = clock;
    }

    public Pop3Server(Pop3Settings settings, MailboxStore store, BlobStore blobs, Authenticator authenticator,
                      LoginThrottle throttle, SaslMechanisms sasl, Optional<TlsContexts> tls) {
        this(settings, store, blobs, authenticator, throttle, sasl, tls, Clock.systemUTC());
    }

    /**
     * Starts a listener running this server: plain with STLS (port 110) or implicit TLS (995,
     * RFC 8314), as {@code listenerSettings.implicitTls()} says.
     */
    public Listener listen(ListenerSettings listenerSettings) throws IOException {
        if (listenerSettings.implicitTls() == ListenerSettings.Tls.IMPLICIT && tls.isEmpty()) {
            throw new IllegalArgumentException("implicit TLS listener " + listenerSettings.name() + " needs TLS certificates");
        }
        return new Listener(listenerSettings, tls.map(TlsContexts::serverContext).orElse(null),
                Pop3Settings.MAX_AUTH_LINE, this);
    }

    @Override
    public void handle(Connection connection) throws IOException {
        new Pop3Session(this, connection).run();
    }

    Pop3Settings settings() {
        return settings;
    }

    MailboxStore store() {
        return store;
    }

    BlobStore blobs() {
        return blobs;
    }

    Authenticator authenticator() {
        return authenticator;
    }

    LoginThrottle throttle() {
        return throttle;
    }

    SaslMechanisms sasl() {
        return sasl;
    }

    Optional<TlsContexts> tls() {
        return tls;
    }

    MaildropLocks locks() {
        return locks;
    }

    /** RFC 2449 §6.8 LOGIN-DELAY: true when the user may log in now. */
    boolean loginDelayPassed(UserId user) {
        if (settings.loginDelay().isEmpty()) {
            return true;
        }
        Instant last = lastLogin.get(user);
        return last == null || !clock.instant().isBefore(last.plus(settings.loginDelay().get()));
    }

    void recordLogin(UserId user) {
        if (settings.loginDelay().isPresent()) {
            lastLogin.put(user, clock.instant());
        }
    }
}
