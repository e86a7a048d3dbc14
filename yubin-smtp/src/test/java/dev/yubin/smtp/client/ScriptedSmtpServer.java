package dev.yubin.smtp.client;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny SMTP responder on 127.0.0.1:0 whose replies a test scripts: what EHLO announces, the
 * reply to each RCPT and to each message's end of data, and whether to drop the connection in
 * the middle of the data. Records every message it accepted (250 after data) and every command.
 */
public final class ScriptedSmtpServer implements AutoCloseable {

    /** The replies; each method may look at how many messages/attempts came before. */
    public interface Script {
        default List<String> extensions() {
            return List.of("PIPELINING", "SIZE 10000000", "8BITMIME", "ENHANCEDSTATUSCODES", "DSN", "SMTPUTF8");
        }

        default String greeting() {
            return "220 scripted.test ESMTP";
        }

        default String ehlo() {
            return null; // null: 250 with extensions()
        }

        default String mail(String line) {
            return "250 2.1.0 Ok";
        }

        default String rcpt(String address, int attempt) {
            return "250 2.1.5 Ok";
        }

        /** Reply after the data of message number {@code attempt} (from 1); null drops the connection. */
        default String endOfData(int attempt) {
            return "250 2.0.0 Ok: queued";
        }

        /** True to close the connection after reading half of the data of attempt {@code attempt}. */
        default boolean dropMidData(int attempt) {
            return false;
        }
    }

    /** A message the server accepted. */
    public record Received(String sender, List<String> recipients, String data) {
    }

    private final ServerSocket socket;
    private final Script script;
    private final AtomicInteger dataAttempts = new AtomicInteger();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger maxOpen = new AtomicInteger();
    private final AtomicInteger tlsSessions = new AtomicInteger();
    private final javax.net.ssl.SSLContext tls;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private final java.util.Map<String, AtomicInteger> rcptAttempts = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile boolean closed;

    private ScriptedSmtpServer(Script script, javax.net.ssl.SSLContext tls) throws IOException {
        this.script = script;
        this.tls = tls;
        this.socket = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        Thread.ofVirtual().name("scripted-smtp").start(this::accept);
    }

    public static ScriptedSmtpServer start(Script script) throws IOException {
        return new ScriptedSmtpServer(script, null);
    }

    /** A responder that also offers STARTTLS with this server context. */
    public static ScriptedSmtpServer startWithTls(Script script, javax.net.ssl.SSLContext tls) throws IOException {
        return new ScriptedSmtpServer(script, tls);
    }

    /** Most connections open at the same time. */
    public int maxConcurrentConnections() {
        return maxOpen.get();
    }

    /** Connections that completed a TLS handshake. */
    public int tlsSessions() {
        return tlsSessions.get();
    }

    public int port() {
        return socket.getLocalPort();
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public List<String> commands() {
        return List.copyOf(commands);
    }

    public int connections() {
        return connections.get();
    }

    private void accept() {
        while (!closed) {
            try {
                Socket s = socket.accept();
                connections.incrementAndGet();
                maxOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
                Thread.ofVirtual().start(() -> {
                    try {
                        serve(s);
                    } finally {
                        open.decrementAndGet();
                    }
                });
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket plain) {
        Socket s = plain;
        try (plain) {
            s.setSoTimeout(10_000);
            InputStream in = new BufferedInputStream(s.getInputStream());
            OutputStream out = s.getOutputStream();
            write(out, script.greeting());
            String sender = null;
            List<String> rcpts = new java.util.ArrayList<>();
            String line;
            while ((line = readLine(in)) != null) {
                commands.add(line);
                String upper = line.toUpperCase(Locale.ROOT);
                if (upper.startsWith("EHLO")) {
                    String e = script.ehlo();
                    if (e != null) {
                        write(out, e);
                    } else {
                        StringBuilder sb = new StringBuilder("250-scripted.test\r\n");
                        List<String> ext = new java.util.ArrayList<>(script.extensions());
                        if (tls != null && !(s instanceof javax.net.ssl.SSLSocket)) {
                            ext.add("STARTTLS");
                        }
                        for (int i = 0; i < ext.size(); i++) {
                            sb.append(i == ext.size() - 1 ? "250 " : "250-").append(ext.get(i)).append("\r\n");
                        }
                        if (ext.isEmpty()) {
                            sb = new StringBuilder("250 scripted.test\r\n");
                        }
                        out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
                        out.flush();
                    }
                } else if (upper.startsWith("HELO")) {
                    write(out, "250 scripted.test");
                } else if (upper.startsWith("MAIL FROM:")) {
                    sender = line.substring(line.indexOf('<') + 1, line.indexOf('>'));
                    rcpts.clear();
                    write(out, script.mail(line));
                } else if (upper.startsWith("RCPT TO:")) {
                    String a = line.substring(line.indexOf('<') + 1, line.indexOf('>'));
                    int n = rcptAttempts.computeIfAbsent(a, k -> new AtomicInteger()).incrementAndGet();
                    String r = script.rcpt(a, n);
                    if (r.startsWith("2")) {
                        rcpts.add(a);
                    }
                    write(out, r);
                } else if (upper.equals("DATA")) {
                    if (rcpts.isEmpty()) {
                        write(out, "554 5.5.1 no valid recipients");
                        continue;
                    }
                    write(out, "354 go ahead");
                    int attempt = dataAttempts.incrementAndGet();
                    String data = readData(in, script.dropMidData(attempt));
                    if (data == null) {
                        return; // dropped mid-data
                    }
                    String reply = script.endOfData(attempt);
                    if (reply == null) {
                        return;
                    }
                    if (reply.startsWith("2")) {
                        received.add(new Received(sender, List.copyOf(rcpts), data));
                    }
                    write(out, reply);
                } else if (upper.equals("STARTTLS") && tls != null) {
                    write(out, "220 2.0.0 Ready to start TLS");
                    javax.net.ssl.SSLSocket ssl = (javax.net.ssl.SSLSocket) tls.getSocketFactory()
                            .createSocket(s, null, s.getPort(), true);
                    ssl.setUseClientMode(false);
                    ssl.startHandshake();
                    tlsSessions.incrementAndGet();
                    s = ssl;
                    in = new BufferedInputStream(ssl.getInputStream());
                    out = ssl.getOutputStream();
                    sender = null;
                    rcpts.clear();
                } else if (upper.equals("RSET")) {
                    rcpts.clear();
                    write(out, "250 2.0.0 Ok");
                } else if (upper.equals("QUIT")) {
                    write(out, "221 2.0.0 Bye");
                    return;
                } else {
                    write(out, "502 5.5.2 not implemented");
                }
            }
        } catch (IOException e) {
            // connection gone
        }
    }

    private static String readData(InputStream in, boolean dropHalfway) throws IOException {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        int lines = 0;
        String line;
        while ((line = readLine(in)) != null) {
            if (line.equals(".")) {
                return data.toString(StandardCharsets.UTF_8);
            }
            if (dropHalfway && ++lines == 3) {
                return null;
            }
            data.write((line.startsWith(".") ? line.substring(1) : line).getBytes(StandardCharsets.UTF_8));
            data.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        return null;
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                byte[] bytes = b.toByteArray();
                int n = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, n, StandardCharsets.UTF_8);
            }
            b.write(c);
        }
        return null;
    }

    private static void write(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        closed = true;
        socket.close();
    }
}
