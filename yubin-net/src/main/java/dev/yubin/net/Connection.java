package dev.yubin.net;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * An accepted client connection: a bounded reader, a buffered writer and the means to start TLS.
 *
 * <p>STARTTLS (RFC 3207 §4, RFC 2595 §3.1, RFC 9051 §6.2.1): {@link #startTls} discards every byte the client
 * sent before the handshake (CVE-2011-0411: pipelined plaintext must not be executed after the
 * upgrade) and layers an {@link SSLSocket} over the accepted socket.
 */
public final class Connection implements AutoCloseable {
    private static final AtomicLong IDS = new AtomicLong();

    private final long id = IDS.incrementAndGet();
    private final Socket raw;
    private final String listenerName;
    private final boolean overLimit;
    private Socket socket;
    private LineReader reader;
    private OutputStream out;
    private boolean secure;

    public Connection(Socket socket, String listenerName, boolean overLimit, int maxLineLength) throws IOException {
        this.raw = socket;
        this.socket = socket;
        this.listenerName = listenerName;
        this.overLimit = overLimit;
        this.secure = socket instanceof SSLSocket;
        this.reader = new LineReader(socket.getInputStream(), maxLineLength);
        this.out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
    }

    /** Short unique id for logs: {@code c123}. */
    public String id() {
        return "c" + id;
    }

    public String listenerName() {
        return listenerName;
    }

    /** True when the listener was at its connection limit: greet with "too busy" and close. */
    public boolean overLimit() {
        return overLimit;
    }

    public InetAddress remoteAddress() {
        return ((InetSocketAddress) raw.getRemoteSocketAddress()).getAddress();
    }

    public InetSocketAddress localAddress() {
        return (InetSocketAddress) raw.getLocalSocketAddress();
    }

    public boolean isSecure() {
        return secure;
    }

    /** The TLS session, when secure (for protocol/cipher in Received headers). */
    public javax.net.ssl.SSLSession tlsSession() {
        return socket instanceof SSLSocket s ? s.getSession() : null;
    }

    public LineReader reader() {
        return reader;
    }

    public InputStream rawInput() throws IOException {
        return socket.getInputStream();
    }

    public OutputStream output() {
        return out;
    }

    /** Writes ASCII/UTF-8 text without flushing. */
    public void write(String text) throws IOException {
        out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public void flush() throws IOException {
        out.flush();
    }

    public void setReadTimeout(Duration timeout) throws SocketException {
        socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
    }

    /**
     * Upgrades to TLS as the server side. Bytes the client pipelined after the STARTTLS command
     * are thrown away. Call after writing and flushing the "go ahead" reply.
     */
    public void startTls(SSLContext context) throws IOException {
        if (secure) {
            throw new IllegalStateException("already secure");
        }
        out.flush();
        reader.discardBuffered();
        InetSocketAddress peer = (InetSocketAddress) raw.getRemoteSocketAddress();
        SSLSocket tls = (SSLSocket) context.getSocketFactory()
                .createSocket(raw, peer.getHostString(), peer.getPort(), true);
        tls.setUseClientMode(false);
        tls.startHandshake();
        int max = reader.maxLineLength();
        socket = tls;
        secure = true;
        reader = new LineReader(tls.getInputStream(), max);
        out = new BufferedOutputStream(tls.getOutputStream(), 16 * 1024);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing: nothing left to tell the peer
        }
        try {
            raw.close();
        } catch (IOException ignored) {
            // as above
        }
    }
}
