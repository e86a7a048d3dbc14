package dev.yubin.smtp.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.yubin.smtp.client.ScriptedSmtpServer;
import dev.yubin.store.queue.QueueState;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * RFC 3464 §2: a message whose recipients fail in several destination domains gets ONE DSN with
 * a per-recipient section for each, sent when none of its recipients is pending any more.
 */
class OneDsnPerMessageTest extends QueueTestBase {
    private static final Duration WAIT = Duration.ofSeconds(20);


    @BeforeEach
    void dnsUp() throws Exception {
        dns = QueueFixture.dns();
        dns.mx("other.test", 10, "mx.other.test").a("mx.other.test", "127.0.0.1");
    }


    private static int count(String text, String needle) {
        return (int) Pattern.compile(Pattern.quote(needle)).matcher(text).results().count();
    }

    @Test
    void twoDomainsBothFailingGiveOneDsnWithTwoRecipientSections() throws Exception {
        receiver = ScriptedSmtpServer.start(new ScriptedSmtpServer.Script() {
            @Override
            public String rcpt(String address, int attempt) {
                return "550 5.1.1 no such user " + address;
            }
        });
        q = new QueueFixture(dir, dns, QueueFixture.settings(receiver.port()));
        List<Long> ids = q.send("two domains", "nobody@remote.test", "ghost@other.test");
        assertThat(ids).hasSize(2);
        await().atMost(WAIT).until(() -> ids.stream().allMatch(id -> q.entry(id).state() == QueueState.BOUNCED));
        await().atMost(WAIT).until(() -> q.inbox("alice@example.com").size() == 1);
        String dsn = q.text(q.inbox("alice@example.com").get(0));
        assertThat(count(dsn, "Final-Recipient:")).isEqualTo(2);
        assertThat(dsn).contains("Final-Recipient: rfc822; nobody@remote.test")
                .contains("Final-Recipient: rfc822; ghost@other.test").contains("Action: failed")
                .contains("Status: 5.1.1").contains("Subject: two domains");
        Thread.sleep(500);
        assertThat(q.inbox("alice@example.com")).as("exactly one DSN").hasSize(1);
    }

    @Test
    void theDsnWaitsForTheDomainThatIsStillBeingRetried() throws Exception {
        receiver = ScriptedSmtpServer.start(new ScriptedSmtpServer.Script() {
            @Override
            public String rcpt(String address, int attempt) {
                if (address.endsWith("@other.test") && attempt < 3) {
                    return "451 4.3.0 try again later";
                }
                return "550 5.1.1 no such user " + address;
            }
        });
        q = new QueueFixture(dir, dns, QueueFixture.settings(receiver.port()));
        List<Long> ids = q.send("one report", "nobody@remote.test", "late@other.test");
        await().atMost(WAIT).until(() -> q.entry(ids.get(0)).state() == QueueState.BOUNCED);
        assertThat(q.inbox("alice@example.com")).as("no DSN while other.test is retried").isEmpty();
        await().atMost(WAIT).until(() -> q.entry(ids.get(1)).state() == QueueState.BOUNCED);
        await().atMost(WAIT).until(() -> q.inbox("alice@example.com").size() == 1);
        assertThat(q.entry(ids.get(1)).attempts()).isEqualTo(3);
        String dsn = q.text(q.inbox("alice@example.com").get(0));
        assertThat(count(dsn, "Final-Recipient:")).isEqualTo(2);
        assertThat(dsn).contains("nobody@remote.test").contains("late@other.test");
        Thread.sleep(500);
        assertThat(q.inbox("alice@example.com")).hasSize(1);
    }
}
