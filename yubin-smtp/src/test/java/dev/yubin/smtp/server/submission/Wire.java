package dev.yubin.smtp.server.submission;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/** A line-level SMTP client for tests that can switch to TLS in the middle (STARTTLS). */
final class Wire implements AutoCloseable {
    record Reply(int code, List<String> lines) {
        String last() {
            return lines.get(lines.size() - 1);
        }

        String all() {
            return String.join("\n", lines);
        }
    }

    private final Socket raw;
    private Socket socket;
    private BufferedReader in;
    private OutputStream out;

    private Wire(Socket socket) throws IOException {
        this.raw = socket;
        use(socket);
    }

    static Wire connect(int port) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        s.setSoTimeout(10_000);
        return new Wire(s);
    }

    static Wire connectTls(int port, SSLContext client) throws IOException {
        SSLSocket s = (SSLSocket) client.getSocketFactory().createSocket("127.0.0.1", port);
        s.setSoTimeout(10_000);
        s.startHandshake();
        return new Wire(s);
    }

    private void use(Socket s) throws IOException {
        socket = s;
        in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
        out = s.getOutputStream();
    }

    /** Layers TLS over the connection (after the server's 220 to STARTTLS). */
    SSLSocket startTls(SSLContext client) throws IOException {
        SSLSocket s = (SSLSocket) client.getSocketFactory().createSocket(raw, "localhost", raw.getPort(), true);
        s.setUseClientMode(true);
        s.startHandshake();
        use(s);
        return s;
    }

    void sendRaw(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    Reply command(String line) throws IOException {
        sendRaw(line + "\r\n");
        return read();
    }

    Reply read() throws IOException {
        List<String> lines = new ArrayList<>();
        while (true) {
            String line = in.readLine();
            if (line == null) {
                throw new java.io.EOFException("closed after " + lines);
            }
            lines.add(line.length() > 4 ? line.substring(4) : "");
            if (line.length() < 4 || line.charAt(3) != '-') {
                return new Reply(Integer.parseInt(line.substring(0, 3)), lines);
            }
        }
    }

    /** True when the server has closed the connection. */
    boolean closedByServer() throws IOException {
        try {
            return in.read() < 0;
        } catch (java.net.SocketException e) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
        raw.close();
    }
}
