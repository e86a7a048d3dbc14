package dev.yubin.smtp.queue;

import java.net.InetAddress;
import java.util.List;

/** The outcome of looking up where a destination's mail goes (RFC 5321 §5.1). */
public sealed interface Route {

    /** One host to try, with its addresses. */
    record Host(String name, List<InetAddress> addresses) {
        public Host {
            addresses = List.copyOf(addresses);
        }
    }

    /** Hosts to try in this order (MX preference, random among equals). */
    record Hosts(List<Host> hosts) implements Route {
        public Hosts {
            hosts = List.copyOf(hosts);
            if (hosts.isEmpty()) {
                throw new IllegalArgumentException("no hosts");
            }
        }
    }

    /** The domain has no mail service: permanent failure with this status and text. */
    record Unroutable(String status, String reason) implements Route {
    }

    /** DNS failed for now: try again later. */
    record TemporaryFailure(String reason) implements Route {
    }
}
