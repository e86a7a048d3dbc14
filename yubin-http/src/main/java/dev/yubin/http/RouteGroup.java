package dev.yubin.http;

import io.javalin.config.RoutesConfig;

/**
 * A group of HTTP routes with one purpose (health, MTA-STS policy, later the admin API), each
 * in its own class; {@link HttpServer} registers every group given to it.
 */
public interface RouteGroup {

    void register(RoutesConfig routes);
}
