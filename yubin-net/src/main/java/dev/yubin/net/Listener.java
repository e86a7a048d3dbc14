package dev.yubin.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts connections on one address and runs each session on its own virtual thread.
 *
 * <p>Limits: total connections and connections per client address. A connection over a limit is
 * still handed to the handler with {@link Connection#overLimit()} set, so the protocol can say
 * why (SMTP {@code 421 4.7.0}, IMAP {@code * BYE}, POP3 {@code -ERR [SYS/TEMP]}) before closing.
 */
public final class Listener implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Listener.class);

    private final ListenerSettings settings;
    private final ConnectionHandler handler;
    private final SSLContext tls;
    private final int maxLineLength;
    private final ServerSocket server;
    private final AtomicInteger open = new AtomicInteger();
    private final ConcurrentHashMap<InetAddress, AtomicInteger> perAddress = new ConcurrentHashMap<>();
    private final Thread acceptor;
    private volatile boolean closed;

    /**
     * Binds immediately (so a port clash fails start-up) and starts accepting.
     *
     * @param tls used only when the listener is implicit-TLS; may be null otherwise
     */
    public Listener(ListenerSettings settings, SSLContext tls, int maxLineLength, ConnectionHandler handler)
            throws IOException {
        this.settings = settings;
        this.handler = handler;
        this.tls = tls;
        this.maxLineLength = maxLineLength;
        this.server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(settings.address(), 1024);
        this.acceptor = Thread.ofVirtual().name(settings.name() + "-accept").start(this::acceptLoop);
    }

    /** The bound port (useful when configured with port 0). */
    public int port() {
        return server.getLocalPort();
    }

    public ListenerSettings settings() {
        return settings;
    }

    public int openConnections() {
        return open.get();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket s;
            try {
                s = server.accept();
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("event=listener.accept_failed listener={} error={}", settings.name(), e.toString());
                    pauseAfterAcceptFailure(); // e.g. EMFILE: retrying at once would spin a core
                }
                continue;
            }
            Thread.ofVirtual().name(settings.name() + "-conn").start(() -> serve(s));
        }
    }

    private static void pauseAfterAcceptFailure() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void serve(Socket s) {
        InetAddress addr = s.getInetAddress();
        int total = open.incrementAndGet();
        AtomicInteger mine = perAddress.computeIfAbsent(addr, a -> new AtomicInteger());
        int fromAddr = mine.incrementAndGet();
        boolean over = total > settings.maxConnections() || fromAddr > settings.maxConnectionsPerAddress();
        Connection c = null;
        try {
            s.setTcpNoDelay(true);
            s.setSoTimeout((int) settings.readTimeout().toMillis());
            Socket sock = s;
            if (settings.implicitTls() == ListenerSettings.Tls.IMPLICIT && !over) {
                SSLSocket t = (SSLSocket) tls.getSocketFactory().createSocket(s, null, s.getPort(), true);
                t.setUseClientMode(false);
                t.startHandshake();
                sock = t;
            }
            c = new Connection(sock, settings.name(), over, maxLineLength);
            handler.handle(c);
        } catch (SocketException | java.net.SocketTimeoutException | java.io.EOFException e) {
            LOG.debug("event=connection.dropped listener={} remote={} error={}", settings.name(), addr, e.toString());
        } catch (javax.net.ssl.SSLException e) {
            LOG.debug("event=tls.handshake_failed listener={} remote={} error={}", settings.name(), addr, e.toString());
        } catch (Throwable e) {
            LOG.warn("event=connection.failed listener={} remote={}", settings.name(), addr, e);
        } finally {
            if (c != null) {
                c.close();
            } else {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // nothing to do
                }
            }
            open.decrementAndGet();
            if (mine.decrementAndGet() == 0) {
                perAddress.remove(addr, mine);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing
        }
        acceptor.interrupt();
    }
}
