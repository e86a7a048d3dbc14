package dev.yubin.imap.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A raw IMAP client for tests: sends command lines, reads responses (literals inlined), and checks
 * the tagged result. Every read has a timeout so a broken server fails the test instead of hanging.
 */
public final class ImapTestClient implements AutoCloseable {
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private int tagCounter;
    public final String greeting;

    public ImapTestClient(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(10_000);
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
        greeting = readLine();
    }

    /** Layers TLS over the connection (after STARTTLS was accepted). */
    public void startTls(javax.net.ssl.SSLContext context) throws IOException {
        javax.net.ssl.SSLSocket tls = (javax.net.ssl.SSLSocket) context.getSocketFactory()
                .createSocket(socket, "localhost", socket.getPort(), true);
        tls.setUseClientMode(true);
        tls.startHandshake();
        socket = tls;
        in = new BufferedInputStream(tls.getInputStream());
        out = tls.getOutputStream();
    }

    public void setTimeout(int millis) throws IOException {
        socket.setSoTimeout(millis);
    }

    /** Sends raw bytes as they are. */
    public void send(String raw) throws IOException {
        out.write(raw.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    public void sendLine(String line) throws IOException {
        send(line + "\r\n");
    }

    /** Reads one response line; a literal at its end is read and inlined, then the line continues. */
    public String readLine() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        while (true) {
            int c = in.read();
            if (c < 0) {
                if (b.size() == 0) {
                    return null;
                }
                break;
            }
            if (c == '\n') {
                byte[] line = b.toByteArray();
                int len = line.length;
                if (len > 0 && line[len - 1] == '\r') {
                    len--;
                }
                String s = new String(line, 0, len, StandardCharsets.UTF_8);
                int open = s.lastIndexOf('{');
                if (s.endsWith("}") && open >= 0 && s.substring(open + 1, s.length() - 1).matches("\\d+")) {
                    int n = Integer.parseInt(s.substring(open + 1, s.length() - 1));
                    byte[] lit = in.readNBytes(n);
                    b = new ByteArrayOutputStream();
                    b.write(line, 0, len);
                    b.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    b.write(lit);
                    continue;
                }
                return s;
            }
            b.write(c);
        }
        return b.toString(StandardCharsets.UTF_8);
    }

    /** Sends a command with a fresh tag and returns every line up to and including the tagged one. */
    public List<String> command(String command) throws IOException {
        String tag = "t" + (++tagCounter);
        sendLine(tag + " " + command);
        return until(tag);
    }

    /** Reads lines until the one tagged {@code tag}. */
    public List<String> until(String tag) throws IOException {
        List<String> lines = new ArrayList<>();
        while (true) {
            String l = readLine();
            if (l == null) {
                throw new IOException("connection closed; got " + lines);
            }
            lines.add(l);
            if (l.startsWith(tag + " ")) {
                return lines;
            }
        }
    }

    /** Runs a command and asserts OK; returns the lines. */
    public List<String> ok(String command) throws IOException {
        List<String> lines = command(command);
        assertThat(last(lines)).as(command + " -> " + lines).matches("t\\d+ OK.*");
        return lines;
    }

    public static String last(List<String> lines) {
        return lines.get(lines.size() - 1);
    }

    public boolean closedByServer() throws IOException {
        try {
            return in.read() < 0;
        } catch (java.net.SocketException e) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
