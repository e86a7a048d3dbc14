package dev.yubin.imap.session;

import dev.yubin.imap.command.AuthenticateCommand;
import dev.yubin.net.LineReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * AUTHENTICATE (RFC 9051 §6.2.2) with SASL-IR (RFC 4959): PLAIN (RFC 4616) and LOGIN, and the
 * common end of LOGIN and AUTHENTICATE.
 */
final class Authentication {
    private Authentication() {
    }

    static List<String> mechanisms(ImapSession s) {
        return List.of("PLAIN", "LOGIN");
    }

    static Result process(ImapSession s, AuthenticateCommand c) throws IOException {
        if (!s.cleartextAllowed()) {
            return Responses.PRIVACY_REQUIRED;
        }
        switch (c.mechanism()) {
            case "PLAIN" -> {
                byte[] resp = c.initialResponse().isPresent() ? decodeInitial(c.initialResponse().get())
                        : challenge(s, "");
                if (resp == null) {
                    return Responses.CANCELLED;
                }
                // RFC 4616 §2: [authzid] NUL authcid NUL passwd
                String text = new String(resp, StandardCharsets.UTF_8);
                String[] parts = text.split("\0", -1);
                if (parts.length != 3 || (!parts[0].isEmpty() && !parts[0].equalsIgnoreCase(parts[1]))) {
                    return Responses.AUTH_FAILED;
                }
                return complete(s, s.services().logins().login(parts[1], parts[2], s.connection().remoteAddress()));
            }
            case "LOGIN" -> {
                byte[] user = c.initialResponse().isPresent() ? decodeInitial(c.initialResponse().get())
                        : challenge(s, "VXNlcm5hbWU6");
                if (user == null) {
                    return Responses.CANCELLED;
                }
                byte[] pass = challenge(s, "UGFzc3dvcmQ6");
                if (pass == null) {
                    return Responses.CANCELLED;
                }
                return complete(s, s.services().logins().login(new String(user, StandardCharsets.UTF_8),
                        new String(pass, StandardCharsets.UTF_8), s.connection().remoteAddress()));
            }
            default -> {
                return Responses.UNKNOWN_MECHANISM;
            }
        }
    }

    private static byte[] decodeInitial(String ir) {
        if (ir.equals("=")) {
            return new byte[0]; // RFC 4959 §3: "=" is an empty initial response
        }
        try {
            return Base64.getDecoder().decode(ir);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Sends {@code + challenge} and reads the client's base64 line; null when cancelled with "*" or invalid. */
    private static byte[] challenge(ImapSession s, String base64) throws IOException {
        s.out().ascii("+ ").ascii(base64).crlf();
        s.out().flush();
        LineReader.Line line = s.in().readLine(false);
        if (!line.ok()) {
            if (line.status() == LineReader.Line.Status.EOF) {
                throw new java.io.EOFException("closed during AUTHENTICATE");
            }
            return null;
        }
        String text = line.ascii().strip();
        if (text.equals("*")) {
            return null; // RFC 9051 §6.2.2: client cancels
        }
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The common end of LOGIN and AUTHENTICATE. */
    static Result complete(ImapSession s, Logins.Outcome outcome) {
        return switch (outcome) {
            case Logins.Outcome.Accepted a -> {
                Result limit = s.authenticated(a.user());
                yield limit != null ? limit
                        : Result.ok("CAPABILITY " + Capabilities.of(s), "Logged in");
            }
            case Logins.Outcome.Rejected r -> Responses.AUTH_FAILED;
            case Logins.Outcome.Unavailable u -> Responses.AUTH_UNAVAILABLE;
        };
    }
}
