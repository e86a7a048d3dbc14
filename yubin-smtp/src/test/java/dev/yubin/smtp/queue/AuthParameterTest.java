package dev.yubin.smtp.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.yubin.core.EmailAddress;
import dev.yubin.smtp.client.ScriptedSmtpServer;
import dev.yubin.smtp.server.MailParameters;
import dev.yubin.smtp.server.OutboundRouter;
import dev.yubin.smtp.server.RcptParameters;
import dev.yubin.smtp.server.ReversePath;
import dev.yubin.store.queue.QueueState;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * RFC 4954 §5 on the way out: mail an authenticated user submitted names its sender in
 * {@code AUTH=}; mail whose submitter is not known (an unauthenticated client's forward, or
 * {@code AUTH=<>} from the user) says {@code AUTH=<>}; a receiver that does not announce AUTH
 * gets no such parameter.
 */
class AuthParameterTest extends QueueTestBase {


    private void start(List<String> extensions) throws Exception {
        dns = QueueFixture.dns();
        receiver = ScriptedSmtpServer.start(new ScriptedSmtpServer.Script() {
            @Override
            public List<String> extensions() {
                return extensions;
            }
        });
        q = new QueueFixture(dir, dns, QueueFixture.settings(receiver.port()));
    }

    private long submit(String subject, MailParameters params, OutboundRouter.Origin origin) throws Exception {
        String m = QueueFixture.message(subject);
        return q.queue.submit(null, q.blob(m), m.getBytes(StandardCharsets.UTF_8).length,
                ReversePath.of(EmailAddress.parse("alice@example.com")), params,
                List.of(new OutboundQueue.Target("bob@remote.test", RcptParameters.NONE)), origin).get(0);
    }

    private List<String> mailCommands() {
        return receiver.commands().stream().filter(c -> c.toUpperCase().startsWith("MAIL FROM")).toList();
    }

    @Test
    void authenticatedUserIsNamedAndOthersAreUnknown() throws Exception {
        start(List.of("PIPELINING", "8BITMIME", "AUTH PLAIN LOGIN"));
        long user = submit("from alice", MailParameters.NONE, OutboundRouter.Origin.AUTHENTICATED_USER);
        await().atMost(Duration.ofSeconds(20)).until(() -> q.entry(user).state() == QueueState.DONE);
        long forward = submit("forwarded", MailParameters.NONE, OutboundRouter.Origin.UNAUTHENTICATED_CLIENT);
        await().atMost(Duration.ofSeconds(20)).until(() -> q.entry(forward).state() == QueueState.DONE);
        MailParameters unknown = new MailParameters(OptionalLong.empty(), MailParameters.Body.UNSPECIFIED,
                MailParameters.Utf8.NOT_REQUESTED, Optional.empty(), Optional.empty(),
                Optional.of(new MailParameters.Submitter.Unknown()));
        long saidUnknown = submit("said unknown", unknown, OutboundRouter.Origin.AUTHENTICATED_USER);
        await().atMost(Duration.ofSeconds(20)).until(() -> q.entry(saidUnknown).state() == QueueState.DONE);
        assertThat(mailCommands()).containsExactly("MAIL FROM:<alice@example.com> AUTH=alice@example.com",
                "MAIL FROM:<alice@example.com> AUTH=<>", "MAIL FROM:<alice@example.com> AUTH=<>");
        assertThat(q.entry(user).authSubmitter()).contains("alice@example.com");
    }

    @Test
    void noAuthParameterForAReceiverWithoutAuth() throws Exception {
        start(List.of("PIPELINING", "8BITMIME"));
        long id = submit("plain", MailParameters.NONE, OutboundRouter.Origin.AUTHENTICATED_USER);
        await().atMost(Duration.ofSeconds(20)).until(() -> q.entry(id).state() == QueueState.DONE);
        assertThat(mailCommands()).containsExactly("MAIL FROM:<alice@example.com>");
    }
}
