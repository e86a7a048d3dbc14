package dev.yubin.net.auth;

import dev.yubin.net.Connection;
import java.net.InetAddress;

/**
 * What login policy needs to know about a client connection: its address and whether TLS is
 * active on it.
 */
public record ClientChannel(InetAddress address, Security security) {
    /** Whether the connection is protected by TLS. */
    public enum Security { TLS, PLAINTEXT }

    public ClientChannel {
        if (address == null || security == null) {
            throw new IllegalArgumentException("address and security are required");
        }
    }

    public static ClientChannel of(Connection connection) {
        return new ClientChannel(connection.remoteAddress(),
                connection.isSecure() ? Security.TLS : Security.PLAINTEXT);
    }

    public boolean secure() {
        return security == Security.TLS;
    }
}
