package dev.yubin.smtp.server;

import java.net.InetAddress;
import java.util.Optional;

/**
 * What the server knows about the client of a session, for filters and trace headers.
 *
 * @param connectionId id used in every log line of the session
 * @param reverseName PTR name when {@link SmtpSettings.ReverseDns#ON} found one
 * @param helo the EHLO/HELO argument, empty before it
 * @param tls protocol and cipher once TLS is active
 * @param authUser the SASL identity once authenticated (issue 5)
 */
public record ClientInfo(String connectionId, InetAddress address, Optional<String> reverseName,
                         Greeting greeting, String helo, Optional<Tls> tls, Optional<String> authUser) {

    /** Which greeting the client used (decides SMTP vs ESMTP in {@code Received:}, RFC 3848). */
    public enum Greeting { NONE, HELO, EHLO }

    /** The negotiated TLS parameters. */
    public record Tls(String protocol, String cipherSuite) {
    }
}
