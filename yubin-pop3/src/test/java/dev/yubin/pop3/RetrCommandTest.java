package dev.yubin.pop3;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RetrCommandTest extends Pop3TestBase {
    @Test
    void sendsTheExactStoredOctetsWithByteStuffing() throws Exception {
        String msg = "Subject: dots\r\n\r\n.leading dot\r\n..two dots\r\nmiddle . dot\r\n.\r\nend\r\n";
        f.deliver(f.alice, msg);
        try (Pop3Client c = f.aliceSession()) {
            assertThat(c.command("RETR 1")).isEqualTo("+OK " + msg.length() + " octets");
            String wire = new String(c.rawBody(), StandardCharsets.UTF_8);
            assertThat(wire).isEqualTo("Subject: dots\r\n\r\n..leading dot\r\n...two dots\r\nmiddle . dot\r\n..\r\nend\r\n.\r\n");
            // the reported size is the message without stuffing: what the client has after un-stuffing
            String unstuffed = wire.substring(0, wire.length() - 3).replace("\r\n..", "\r\n.");
            assertThat(unstuffed.getBytes(StandardCharsets.UTF_8)).hasSize(msg.length());
        }
    }

    @Test
    void largeMessageStreamsIntact() throws Exception {
        String msg = Pop3Fixture.message(1, 20_000); // ~600 KB
        f.deliver(f.alice, msg);
        try (Pop3Client c = f.aliceSession()) {
            assertThat(c.command("RETR 1")).isEqualTo("+OK " + msg.length() + " octets");
            byte[] raw = c.rawBody();
            assertThat(new String(raw, 0, raw.length - 3, StandardCharsets.UTF_8)).isEqualTo(msg);
            assertThat(c.command("NOOP")).isEqualTo("+OK");
        }
    }

    @Test
    void messageWithoutFinalCrlfStillEndsCleanly() throws Exception {
        f.deliver(f.alice, "Subject: x\r\n\r\nno newline at end");
        try (Pop3Client c = f.aliceSession()) {
            c.command("RETR 1");
            assertThat(c.lines()).containsExactly("Subject: x", "", "no newline at end");
        }
    }

    @Test
    void badNumbersAndDeletedMessages() throws Exception {
        f.deliver(f.alice, Pop3Fixture.message(1, 1));
        try (Pop3Client c = f.aliceSession()) {
            assertThat(c.command("RETR 2")).isEqualTo("-ERR No such message.");
            assertThat(c.command("RETR abc")).isEqualTo("-ERR No such message.");
            assertThat(c.command("RETR")).isEqualTo("-ERR Invalid arguments.");
            c.command("DELE 1");
            assertThat(c.command("RETR 1")).isEqualTo("-ERR Message is deleted.");
        }
    }

    @Test
    void retrievedMessagesAreSeenAfterQuit() throws Exception {
        f.deliver(f.alice, Pop3Fixture.message(1, 1));
        f.deliver(f.alice, Pop3Fixture.message(2, 1));
        try (Pop3Client c = f.aliceSession()) {
            c.command("RETR 2");
            c.lines();
            c.command("QUIT");
        }
        var msgs = f.store.messages(f.inbox(f.alice).id());
        assertThat(msgs.get(0).flags()).isEmpty();
        assertThat(msgs.get(1).flags()).isEqualTo(Set.of("\\Seen"));
    }
}
