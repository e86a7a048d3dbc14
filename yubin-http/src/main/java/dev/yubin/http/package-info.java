/**
 * The HTTP listener: {@link dev.yubin.http.HttpServer} (Javalin 7 on Jetty 12, virtual threads)
 * with one {@link dev.yubin.http.RouteGroup} class per group of routes:
 * {@link dev.yubin.http.HealthRoutes} ({@code GET /healthz}) and
 * {@link dev.yubin.http.MtaStsRoutes} (the MTA-STS policy of each domain that publishes one,
 * chosen by the Host header {@code mta-sts.DOMAIN}).
 *
 * <p>RFCs: 8461 §3.2-§3.3 (policy file at {@code /.well-known/mta-sts.txt}, {@code text/plain}).
 * Invariants: the module knows no store and no protocol engine; what it serves is passed in by
 * the composition root. Known gaps: plain HTTP only — MTA-STS senders fetch over HTTPS on port
 * 443, so a TLS-terminating reverse proxy must sit in front for {@code mta-sts.DOMAIN}; no admin
 * API, web UI, metrics or autoconfig yet.
 */
package dev.yubin.http;
