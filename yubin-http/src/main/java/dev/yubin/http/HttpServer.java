package dev.yubin.http;

import io.javalin.Javalin;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP listener (Javalin on Jetty, one virtual thread per request): serves the
 * {@link RouteGroup}s it is given. Javalin logs through SLF4J; its banner is off. Each request is
 * logged at debug as one {@code event=http.request} line.
 */
public final class HttpServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);

    private final Javalin app;

    private HttpServer(Javalin app) {
        this.app = app;
    }

    /** Binds and starts; throws when the address cannot be bound. */
    public static HttpServer start(HttpSettings settings, List<RouteGroup> groups) {
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.concurrency.useVirtualThreads = true;
            config.requestLogger.http((ctx, ms) -> LOG.debug("event=http.request method={} path={} host={} status={} ms={}",
                    ctx.method(), ctx.path(), ctx.host(), ctx.status().getCode(), ms));
            for (RouteGroup g : groups) {
                g.register(config.routes);
            }
        });
        app.start(settings.listen().getHostString(), settings.listen().getPort());
        return new HttpServer(app);
    }

    /** The port actually bound. */
    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
