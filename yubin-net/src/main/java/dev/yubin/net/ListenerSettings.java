package dev.yubin.net;

import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * How one listener accepts connections.
 *
 * @param name protocol label for logs and metrics ({@code smtp}, {@code imaps}, …)
 * @param implicitTls wrap every accepted socket in TLS before the handler runs (RFC 8314)
 * @param maxConnections total open connections; further ones are refused with the protocol's
 *     "too busy" greeting by the handler ({@link Connection#overLimit()}) rather than dropped
 * @param maxConnectionsPerAddress concurrent connections from one client IP
 * @param readTimeout how long a read may block before the session is ended
 */
public record ListenerSettings(String name, InetSocketAddress address, Tls implicitTls,
                               int maxConnections, int maxConnectionsPerAddress, Duration readTimeout) {
    /** Whether the socket speaks TLS from its first byte. */
    public enum Tls { PLAIN, IMPLICIT }
}
