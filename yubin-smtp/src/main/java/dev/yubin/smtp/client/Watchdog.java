package dev.yubin.smtp.client;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Bounds blocking writes, which Java sockets cannot time out: closes the socket if a write phase
 * outlives its deadline (RFC 5321 §4.5.3.2.5 data block timeout), making the write fail.
 */
final class Watchdog {
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "yubin-smtp-client-watchdog");
        t.setDaemon(true);
        return t;
    });

    /** A running deadline; close it when the write phase ended. */
    interface Armed extends AutoCloseable {
        @Override
        void close();
    }

    Armed arm(Socket socket, Duration deadline) {
        ScheduledFuture<?> f = TIMER.schedule(() -> {
            try {
                socket.close();
            } catch (IOException e) {
                // closing to interrupt a stuck write: nothing more to do
            }
        }, deadline.toMillis(), TimeUnit.MILLISECONDS);
        return () -> f.cancel(false);
    }
}
