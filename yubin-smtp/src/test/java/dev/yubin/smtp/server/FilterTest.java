package dev.yubin.smtp.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.core.EmailAddress;
import dev.yubin.message.MessageIndexer;
import dev.yubin.message.MessageLimits;
import dev.yubin.store.sql.SqliteStore;
import dev.yubin.testkit.smtp.SmtpTestClient;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@link InboundFilter} hook and the {@link OutboundRouter} for outside alias targets. */
class FilterTest {
    @TempDir
    Path dir;

    /** Decides by the Subject: reject, tempfail, quarantine, throw, else accept with a header. */
    static final class SubjectFilter implements InboundFilter {
        final List<FilterContext> seen = new CopyOnWriteArrayList<>();

        @Override
        public Optional<SmtpReply> checkSender(ClientInfo client, ReversePath sender, MailParameters parameters) {
            return sender.address().filter(a -> a.localPart().equals("blocked"))
                    .map(a -> SmtpReply.of(550, "5.7.1", "Sender blocked"));
        }

        @Override
        public Optional<SmtpReply> checkRecipient(ClientInfo client, ReversePath sender, Recipient recipient) {
            return recipient.address().localPart().equals("carol")
                    ? Optional.of(SmtpReply.of(450, "4.7.1", "Greylisted")) : Optional.empty();
        }

        @Override
        public FilterVerdict check(FilterContext context) throws IOException {
            seen.add(context);
            String text;
            try (InputStream in = context.message().open()) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            assertThat(text.getBytes(StandardCharsets.UTF_8)).isEqualTo(context.message().readAllBytes())
                    .hasSize((int) context.message().size());
            if (text.contains("Subject: reject")) {
                return new FilterVerdict.Reject(SmtpReply.of(550, "5.7.1", "Spam"));
            }
            if (text.contains("Subject: later")) {
                return new FilterVerdict.TempFail(SmtpReply.of(451, "4.7.1", "Try later"));
            }
            if (text.contains("Subject: junk")) {
                return new FilterVerdict.Quarantine("spammy", List.of("X-Spam: yes"));
            }
            if (text.contains("Subject: crash")) {
                throw new IOException("checker down");
            }
            return new FilterVerdict.Accept(List.of("Authentication-Results: mx.example.com;\r\n\tspf=pass smtp.mailfrom=remote.example"));
        }
    }

    @Test
    void verdictsAndEnvelopeHooks() throws Exception {
        SubjectFilter filter = new SubjectFilter();
        try (SmtpFixture fx = SmtpFixture.start(dir, SmtpSettings.builder().hostname("mx.example.com").build(),
                List.of(filter), 100); SmtpTestClient c = fx.greeted()) {
            assertThat(c.command("MAIL FROM:<blocked@remote.example>").code()).isEqualTo(550);
            for (String subject : List.of("accept", "reject", "later", "junk", "crash")) {
                assertThat(c.command("MAIL FROM:<a@remote.example>").code()).isEqualTo(250);
                assertThat(c.command("RCPT TO:<carol@example.org>").code()).isEqualTo(450);
                assertThat(c.command("RCPT TO:<alice@example.com>").code()).isEqualTo(250);
                SmtpTestClient.Reply r = c.data("Subject: " + subject + "\r\n\r\nbody\r\n");
                int expected = switch (subject) {
                    case "accept", "junk" -> 250;
                    case "reject" -> 550;
                    default -> 451;
                };
                assertThat(r.code()).as(subject).isEqualTo(expected);
            }
            assertThat(fx.inbox("alice@example.com")).hasSize(1);
            String stored = fx.text(fx.inbox("alice@example.com").get(0));
            assertThat(stored).startsWith("Return-Path: <a@remote.example>\r\nAuthentication-Results: mx.example.com;\r\n\tspf=pass"
                    + " smtp.mailfrom=remote.example\r\nReceived: from client.example.net");
            assertThat(fx.inbox("alice@example.com").get(0).size()).isEqualTo(stored.getBytes(StandardCharsets.UTF_8).length);
            assertThat(fx.folder("alice@example.com", "Junk")).hasSize(1);
            assertThat(fx.text(fx.folder("alice@example.com", "Junk").get(0))).contains("X-Spam: yes");
            FilterContext first = filter.seen.get(0);
            assertThat(first.client().helo()).isEqualTo("client.example.net");
            assertThat(first.client().address().getHostAddress()).isEqualTo("127.0.0.1");
            assertThat(first.envelope().recipients()).extracting(Recipient::address)
                    .containsExactly(EmailAddress.parse("alice@example.com"));
            assertThat(first.queueId()).isNotBlank();
        }
    }

    @Test
    void filterHeadersOnABigSpilledMessageRewriteTheBlob() throws Exception {
        SubjectFilter filter = new SubjectFilter();
        StringBuilder body = new StringBuilder("Subject: accept big\r\n\r\n");
        for (int i = 0; i < 3000; i++) {
            body.append("line ").append(i).append('\r').append('\n');
        }
        try (SmtpFixture fx = SmtpFixture.start(dir, SmtpSettings.builder().hostname("mx.example.com")
                .inMemoryMessageLimit(8192).build(), List.of(filter), 100); SmtpTestClient c = fx.greeted()) {
            assertThat(c.send("a@remote.example", List.of("bob@example.com"), body.toString()).code()).isEqualTo(250);
            String stored = fx.text(fx.inbox("bob@example.com").get(0));
            assertThat(stored).startsWith("Return-Path: <a@remote.example>\r\nAuthentication-Results: ")
                    .endsWith(body.toString());
            assertThat(fx.inbox("bob@example.com").get(0).size()).isEqualTo(stored.length());
            // the first blob (before the header was added) is gone
            assertThat(fx.store.blobs().sweepOrphans(id -> fx.store.isBlobReferenced(id), 0)).isZero();
        }
    }

    @Test
    void outsideAliasTargetsGoToTheRouterAfterLocalDelivery() throws Exception {
        List<OutboundRouter.OutboundMessage> queued = new ArrayList<>();
        SqliteStore store = SqliteStore.open(dir);
        SmtpFixture.populate(store);
        SmtpServer server = new SmtpServer(SmtpSettings.builder().hostname("mx.example.com").build(), store, store,
                store.blobs(), new MessageIndexer(MessageLimits.defaults()), List.of(), Clock.systemUTC(), queued::add);
        try (SmtpFixture fx = SmtpFixture.listen(store, server, 100); SmtpTestClient c = fx.greeted()) {
            assertThat(c.command("MAIL FROM:<a@remote.example> RET=HDRS").code()).isEqualTo(250);
            assertThat(c.command("RCPT TO:<fwd@example.com> NOTIFY=FAILURE").code()).isEqualTo(250);
            assertThat(c.command("RCPT TO:<bob@example.com>").code()).isEqualTo(250);
            // unauthenticated relaying stays refused even with a router
            assertThat(c.command("RCPT TO:<x@remote.example>").code()).isEqualTo(550);
            assertThat(c.data("Subject: fwd\r\n\r\nx\r\n").code()).isEqualTo(250);
            assertThat(queued).hasSize(1);
            OutboundRouter.OutboundMessage m = queued.get(0);
            assertThat(m.recipients()).extracting(OutboundRouter.OutboundRecipient::address)
                    .containsExactly(EmailAddress.parse("someone@remote.example"));
            assertThat(m.recipients().get(0).parameters().notifyOn()).containsExactly(RcptParameters.Notify.FAILURE);
            assertThat(m.parameters().ret()).contains(MailParameters.Ret.HDRS);
            assertThat(m.blob()).isEqualTo(fx.inbox("bob@example.com").get(0).blob());
        }
    }
}
