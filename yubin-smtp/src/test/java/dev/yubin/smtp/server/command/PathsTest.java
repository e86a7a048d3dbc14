package dev.yubin.smtp.server.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** RFC 5321 §4.1.2 paths. */
class PathsTest {
    static Paths.Path path(String s) throws Paths.PathSyntaxException {
        return Paths.parse(s).path();
    }

    static Paths.MailboxPath mbox(String local, String host) {
        return new Paths.MailboxPath(local, host, Paths.HostKind.DOMAIN);
    }

    @Test
    void forms() throws Exception {
        assertThat(path("<>")).isInstanceOf(Paths.NullPath.class);
        assertThat(path("<PostMaster>")).isInstanceOf(Paths.BarePostmaster.class);
        assertThat(path("<a.b+c@example.com>")).isEqualTo(mbox("a.b+c", "example.com"));
        assertThat(path("<a@example.com.>")).isEqualTo(mbox("a", "example.com"));
        assertThat(path("<@x.example,@y.example:a@example.com>")).isEqualTo(mbox("a", "example.com"));
        assertThat(path("<\"a b>\\\"c\"@example.com>")).isEqualTo(mbox("a b>\"c", "example.com"));
        assertThat(path("<a@[192.0.2.1]>")).isEqualTo(new Paths.MailboxPath("a", "[192.0.2.1]", Paths.HostKind.ADDRESS_LITERAL));
        assertThat(path("<jörg@bücher.example>")).isEqualTo(mbox("jörg", "bücher.example"));
        assertThat(Paths.parse("<a@b.example> SIZE=1").rest()).isEqualTo(" SIZE=1");
        assertThat(Paths.parse("a@b.example SIZE=1").rest()).isEqualTo("SIZE=1");
    }

    @Test
    void routedLocalParts() throws Exception {
        assertThat(((Paths.MailboxPath) path("<a%b@c.example>")).looksRouted()).isTrue();
        assertThat(((Paths.MailboxPath) path("<b!a@c.example>")).looksRouted()).isTrue();
        assertThat(((Paths.MailboxPath) path("<\"a@b\"@c.example>")).looksRouted()).isTrue();
        assertThat(((Paths.MailboxPath) path("<a+b@c.example>")).looksRouted()).isFalse();
        assertThat(((Paths.MailboxPath) path("<jörg@c.example>")).needsUtf8()).isTrue();
    }

    @Test
    void syntaxErrors() {
        for (String bad : new String[] {"", "<a@b.example", "<a>", "<@a.example>", "<.a@b.example>", "<a.@b.example>",
                "<a..b@c.example>", "<a@>", "<a@b@c.example>", "<a b@c.example>", "<\"a\"b@c.example>", "<a@[1.2.3.4>",
                "<a@[]>", "<a@b_c!.example>", "<\"unterminated@c.example>", "<@a.example:>"}) {
            assertThatThrownBy(() -> path(bad)).as(bad).isInstanceOf(Paths.PathSyntaxException.class);
        }
    }
}
