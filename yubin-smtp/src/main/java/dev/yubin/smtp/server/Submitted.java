package dev.yubin.smtp.server;

import dev.yubin.message.IndexedMessage;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * What a submission server adds to a message from an authenticated user (RFC 6409 §8.2, §8.3):
 * {@code Date:} and {@code Message-ID:} when the client left them out. Nothing for MX mail, which
 * must not be changed (RFC 5321 §7.9 aside from trace fields).
 */
final class Submitted {
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ENGLISH); // RFC 5322 §3.3

    private Submitted() {
    }

    static List<String> missingFields(SmtpSession session, Transaction tx, IndexedMessage index, SmtpServer server) {
        if (server.settings().mode() != SmtpSettings.Mode.SUBMISSION || session.user().isEmpty()) {
            return List.of();
        }
        List<String> fields = new ArrayList<>(2);
        if (index.summary().header("message-id").isEmpty()) {
            fields.add("Message-ID: <" + tx.queueId() + "." + UUID.randomUUID() + "@"
                    + server.settings().hostname() + ">"); // RFC 6409 §8.3
        }
        if (index.summary().header("date").isEmpty()) {
            fields.add("Date: " + DATE.format(ZonedDateTime.now(server.clock()))); // RFC 6409 §8.2
        }
        return fields;
    }
}
