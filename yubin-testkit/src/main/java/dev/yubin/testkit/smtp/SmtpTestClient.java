package dev.yubin.testkit.smtp;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A raw SMTP client for tests: sends exactly the bytes it is given (bare LF, bad commands,
 * pipelined groups) and reads replies line by line, with a timeout on every read so a broken
 * server fails the test instead of hanging it.
 */
public final class SmtpTestClient implements AutoCloseable {

    /** One reply: its code and its lines (text after the code and separator). */
    public record Reply(int code, List<String> lines) {
        /** The last line, e.g. {@code 2.1.0 Ok}. */
        public String text() {
            return lines.get(lines.size() - 1);
        }

        /** The reply as the server sent it, lines joined with "\n" ({@code 250-a\n250 b}). */
        public String full() {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < lines.size(); i++) {
                sb.append(code).append(i == lines.size() - 1 ? ' ' : '-').append(lines.get(i));
                if (i < lines.size() - 1) {
                    sb.append('\n');
                }
            }
            return sb.toString();
        }

        /** True when the last line starts with {@code prefix}, e.g. "250 2.1.0" or "550". */
        public boolean matches(String prefix) {
            return (code + " " + text()).startsWith(prefix);
        }

        @Override
        public String toString() {
            return full();
        }
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private SmtpTestClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /** Connects to 127.0.0.1:port with a 10 s read timeout; does not read the greeting. */
    public static SmtpTestClient connect(int port) throws IOException {
        return connect("127.0.0.1", port, Duration.ofSeconds(10));
    }

    public static SmtpTestClient connect(String host, int port, Duration readTimeout) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress(host, port), 5000);
        s.setSoTimeout((int) readTimeout.toMillis());
        s.setTcpNoDelay(true);
        return new SmtpTestClient(s);
    }

    public void setReadTimeout(Duration timeout) throws IOException {
        socket.setSoTimeout((int) timeout.toMillis());
    }

    /** Sends {@code line} followed by CRLF. */
    public void send(String line) throws IOException {
        sendRaw((line + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Sends exactly these bytes. */
    public void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Sends exactly this text as UTF-8 (no CRLF added). */
    public void sendRaw(String text) throws IOException {
        sendRaw(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends a command and reads its reply. */
    public Reply command(String line) throws IOException {
        send(line);
        return readReply();
    }

    /** Reads one (possibly multi-line) reply; throws {@link java.io.EOFException} if the server closed. */
    public Reply readReply() throws IOException {
        List<String> lines = new ArrayList<>();
        while (true) {
            String line = readLine();
            if (line == null) {
                throw new java.io.EOFException("server closed the connection" + (lines.isEmpty() ? "" : " after " + lines));
            }
            if (line.length() < 3) {
                throw new IOException("malformed reply line: " + line);
            }
            int code = Integer.parseInt(line.substring(0, 3));
            boolean more = line.length() > 3 && line.charAt(3) == '-';
            lines.add(line.length() > 4 ? line.substring(4) : "");
            if (!more) {
                return new Reply(code, lines);
            }
        }
    }

    /** True if the server closed the connection (EOF or reset) within the read timeout. */
    public boolean isClosedByServer() throws IOException {
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        while (true) {
            int b = in.read();
            if (b < 0) {
                return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
            }
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int n = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, n, StandardCharsets.UTF_8);
            }
            if (line.size() > 64 * 1024) {
                throw new IOException("reply line too long");
            }
            line.write(b);
        }
    }

    // Conveniences for the usual conversation.

    /** Reads the greeting and sends EHLO; returns the EHLO reply. */
    public Reply hello(String name) throws IOException {
        Reply greeting = readReply();
        if (greeting.code() != 220) {
            throw new IOException("greeting was " + greeting);
        }
        return command("EHLO " + name);
    }

    /** Dot-stuffs {@code message} (lines separated by CRLF), sends DATA, the text and the end mark. */
    public Reply data(String message) throws IOException {
        Reply r = command("DATA");
        if (r.code() != 354) {
            return r;
        }
        sendRaw(dotStuff(message));
        return readReply();
    }

    /** RFC 5321 §4.5.2 transparency, plus a final CRLF if missing, plus {@code .CRLF}. */
    public static byte[] dotStuff(String message) {
        StringBuilder sb = new StringBuilder(message.length() + 16);
        boolean lineStart = true;
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            if (lineStart && c == '.') {
                sb.append('.');
            }
            sb.append(c);
            lineStart = c == '\n';
        }
        if (!message.isEmpty() && !message.endsWith("\r\n")) {
            sb.append("\r\n");
        }
        sb.append(".\r\n");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** MAIL, RCPT for each recipient, DATA; throws if any step is refused. Returns the final reply. */
    public Reply send(String from, List<String> to, String message) throws IOException {
        expect(command("MAIL FROM:<" + from + ">"), 250);
        for (String rcpt : to) {
            expect(command("RCPT TO:<" + rcpt + ">"), 250);
        }
        return data(message);
    }

    private static void expect(Reply r, int code) throws IOException {
        if (r.code() != code) {
            throw new IOException("expected " + code + " but got " + r);
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // test teardown
        }
    }
}
