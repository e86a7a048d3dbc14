package dev.yubin.http;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * Settings of the HTTP listener.
 *
 * @param listen the address to bind (port 0 = any free port, for tests)
 */
public record HttpSettings(InetSocketAddress listen) {
    public HttpSettings {
        Objects.requireNonNull(listen, "listen");
    }
}
