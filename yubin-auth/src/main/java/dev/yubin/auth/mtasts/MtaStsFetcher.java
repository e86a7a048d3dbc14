package dev.yubin.auth.mtasts;

/**
 * Fetches the text of a domain's MTA-STS policy (RFC 8461 §3.3). The production implementation is
 * {@link HttpsMtaStsFetcher}; tests may serve the policy from loopback. Implementations never
 * throw for a network or HTTP problem: they answer {@link Failed}.
 */
public interface MtaStsFetcher {

    /** No fetching at all: every domain answers {@link Failed} (MTA-STS effectively off). */
    MtaStsFetcher NONE = domain -> new Failed("MTA-STS fetching is disabled");

    /** The outcome of one fetch. */
    sealed interface Result permits Fetched, Failed {
    }

    /** The body of a 200 response with media type text/plain, within the size limit. */
    record Fetched(String body) implements Result {
    }

    /** Anything else: a connection or TLS failure, a redirect, another status, a wrong type, too large. */
    record Failed(String reason) implements Result {
    }

    /**
     * Fetches {@code https://mta-sts.DOMAIN/.well-known/mta-sts.txt}.
     *
     * @param domain the policy domain, lower-case A-label form, no trailing dot
     */
    Result fetch(String domain);
}
