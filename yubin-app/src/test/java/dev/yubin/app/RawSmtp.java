package dev.yubin.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A minimal SMTP client for the app's end-to-end tests: one transaction per call, CRLF everywhere. */
final class RawSmtp implements AutoCloseable {
    private final Socket socket;
    private final BufferedReader in;
    private final OutputStream out;

    RawSmtp(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(20_000);
        in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
        out = socket.getOutputStream();
        expect("220");
        command("EHLO client.test", "250");
    }

    /** Reads one (possibly multi-line) reply and returns its last line. */
    String reply() throws IOException {
        String line;
        do {
            line = in.readLine();
            if (line == null) {
                throw new IOException("connection closed");
            }
        } while (line.length() > 3 && line.charAt(3) == '-');
        return line;
    }

    String expect(String code) throws IOException {
        String r = reply();
        if (!r.startsWith(code)) {
            throw new IOException("expected " + code + " got " + r);
        }
        return r;
    }

    String command(String line, String code) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        return expect(code);
    }

    /** Sends one message; returns the final reply line (throws unless 250). */
    String send(String from, String to, String message) throws IOException {
        command("MAIL FROM:<" + from + ">", "250");
        command("RCPT TO:<" + to + ">", "250");
        command("DATA", "354");
        out.write(message.getBytes(StandardCharsets.UTF_8));
        out.write(".\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return expect("250");
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
