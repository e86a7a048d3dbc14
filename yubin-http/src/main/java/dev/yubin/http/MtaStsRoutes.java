package dev.yubin.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code GET /.well-known/mta-sts.txt} (RFC 8461 §3.2, §3.3): the MTA-STS policy of the domain
 * named by the Host header {@code mta-sts.DOMAIN}, as {@code text/plain}; 404 for any other host
 * or a domain that does not publish a policy.
 */
public final class MtaStsRoutes implements RouteGroup {

    /** The policy text of a domain that publishes one. */
    @FunctionalInterface
    public interface Policies {
        /** @param domain lower case, no trailing dot */
        Optional<String> policy(String domain);
    }

    public static final String PATH = "/.well-known/mta-sts.txt";
    private static final String PREFIX = "mta-sts.";

    private final Policies policies;

    public MtaStsRoutes(Policies policies) {
        this.policies = policies;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get(PATH, this::serve);
    }

    private void serve(Context ctx) {
        Optional<String> policy = domain(ctx.host()).flatMap(policies::policy);
        if (policy.isEmpty()) {
            ctx.status(404).contentType("text/plain").result("no MTA-STS policy for this host\n");
            return;
        }
        ctx.contentType("text/plain").result(policy.get()); // RFC 8461 §3.2: media type text/plain
    }

    /** The policy domain from a Host header value: {@code mta-sts.example.com:8080} → {@code example.com}. */
    static Optional<String> domain(String host) {
        if (host == null) {
            return Optional.empty();
        }
        String h = host.strip().toLowerCase(Locale.ROOT);
        int colon = h.lastIndexOf(':');
        if (colon >= 0 && h.indexOf(']') < colon) {
            h = h.substring(0, colon);
        }
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        if (!h.startsWith(PREFIX) || h.length() == PREFIX.length()) {
            return Optional.empty();
        }
        return Optional.of(h.substring(PREFIX.length()));
    }
}
