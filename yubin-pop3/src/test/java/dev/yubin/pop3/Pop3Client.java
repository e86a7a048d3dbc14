package dev.yubin.pop3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.net.tls.TlsContexts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLSocket;

/** A minimal raw POP3 client for tests: sends lines, reads status lines and multi-line bodies. */
final class Pop3Client implements AutoCloseable {
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    final String greeting;

    private Pop3Client(Socket socket) throws IOException {
        attach(socket);
        this.greeting = line();
    }

    private void attach(Socket s) throws IOException {
        this.socket = s;
        s.setSoTimeout(15_000);
        this.in = s.getInputStream();
        this.out = s.getOutputStream();
    }

    static Pop3Client connect(int port) throws IOException {
        return new Pop3Client(new Socket("127.0.0.1", port));
    }

    static Pop3Client connectTls(int port, List<X509Certificate> trusted) throws IOException {
        return new Pop3Client(TlsContexts.clientTrusting(trusted).getSocketFactory().createSocket("127.0.0.1", port));
    }

    /** Upgrades after the server's +OK to STLS. */
    void startTls(List<X509Certificate> trusted) throws IOException {
        SSLSocket s = (SSLSocket) TlsContexts.clientTrusting(trusted).getSocketFactory()
                .createSocket(socket, "localhost", socket.getPort(), true);
        s.startHandshake();
        attach(s);
    }

    boolean secure() {
        return socket instanceof SSLSocket;
    }

    void send(String raw) throws IOException {
        out.write(raw.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    String command(String line) throws IOException {
        send(line + "\r\n");
        return line();
    }

    /** Reads one line without its CRLF; null at EOF. Reads byte by byte: no read-ahead past the line. */
    String line() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                byte[] bytes = b.toByteArray();
                int len = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, len, StandardCharsets.UTF_8);
            }
            b.write(c);
        }
        return b.size() == 0 ? null : b.toString(StandardCharsets.UTF_8);
    }

    /** Reads a multi-line body up to "." and undoes byte-stuffing. */
    List<String> lines() throws IOException {
        List<String> lines = new ArrayList<>();
        String l;
        while (!(l = line()).equals(".")) {
            lines.add(l.startsWith("..") ? l.substring(1) : l);
        }
        return lines;
    }

    /** Reads the raw octets of a multi-line body including the final ".CRLF" (for exactness tests). */
    byte[] rawBody() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        byte[] tail = ".\r\n".getBytes(StandardCharsets.US_ASCII);
        boolean lineStart = true;
        int c;
        ByteArrayOutputStream current = new ByteArrayOutputStream();
        while ((c = in.read()) != -1) {
            b.write(c);
            current.write(c);
            if (c == '\n') {
                if (lineStart && java.util.Arrays.equals(current.toByteArray(), tail)) {
                    return b.toByteArray();
                }
                current.reset();
                lineStart = true;
            }
        }
        throw new IOException("EOF inside a multi-line response");
    }

    static void expectOk(String reply) {
        assertThat(reply).startsWith("+OK");
    }

    /** True once the server has closed the connection. */
    boolean closedByServer() throws IOException {
        try {
            return in.read() == -1;
        } catch (java.net.SocketException e) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
