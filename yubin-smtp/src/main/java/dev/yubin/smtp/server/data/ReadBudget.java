package dev.yubin.smtp.server.data;

import dev.yubin.net.Connection;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * Bounds the time of a data phase: called before each read that may block, it sets the socket
 * timeout to the smaller of the per-read timeout and what is left of the deadline, or throws
 * {@link SocketTimeoutException} once the deadline has passed.
 */
@FunctionalInterface
public interface ReadBudget {

    void beforeBlockingRead() throws IOException;

    static ReadBudget of(Connection connection, Duration perRead, long deadlineNanos) {
        long perReadNanos = perRead.toNanos();
        return () -> {
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) {
                throw new SocketTimeoutException("data time limit exceeded");
            }
            connection.setReadTimeout(Duration.ofNanos(Math.min(left, perReadNanos)).plusMillis(1));
        };
    }
}
