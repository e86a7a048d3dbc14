package dev.yubin.http;

import io.javalin.config.RoutesConfig;

/** {@code GET /healthz}: 200 "ok" while the process serves requests (for load balancers and monitors). */
public final class HealthRoutes implements RouteGroup {

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/healthz", ctx -> ctx.contentType("text/plain").result("ok"));
    }
}
