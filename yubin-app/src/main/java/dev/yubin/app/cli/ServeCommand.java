package dev.yubin.app.cli;

import dev.yubin.app.Server;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code yubin serve}: runs every configured listener until stopped (SIGTERM/SIGINT). */
@Command(name = "serve", description = "Run the mail server.")
public final class ServeCommand implements Runnable {
    @Mixin
    ConfigOptions config;

    @Override
    public void run() {
        Server server = Server.start(config.load());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "yubin-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
