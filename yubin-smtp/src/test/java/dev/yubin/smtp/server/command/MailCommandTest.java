package dev.yubin.smtp.server.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.yubin.smtp.server.MailParameters;
import dev.yubin.testkit.smtp.SmtpTestClient;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MailCommandTest extends ServerTestBase {
    final MailCommand mail = new MailCommand();

    @Test
    void parsesPathAndEveryParameter() throws Exception {
        MailCommand.Args a = mail.parse("FROM:<a@remote.example> SIZE=123 BODY=8bitmime SMTPUTF8 RET=hdrs ENVID=x+2By");
        assertThat(a.path()).isEqualTo(new Paths.MailboxPath("a", "remote.example", Paths.HostKind.DOMAIN));
        MailParameters p = a.parameters();
        assertThat(p.size().getAsLong()).isEqualTo(123);
        assertThat(p.body()).isEqualTo(MailParameters.Body.EIGHT_BIT_MIME);
        assertThat(p.utf8()).isEqualTo(MailParameters.Utf8.REQUESTED);
        assertThat(p.ret()).contains(MailParameters.Ret.HDRS);
        assertThat(p.envelopeId()).isEqualTo(Optional.of("x+y"));
    }

    /** RFC 4954 §5: AUTH=<> or an xtext-encoded mailbox. */
    @Test
    void parsesTheAuthParameter() throws Exception {
        assertThat(mail.parse("FROM:<e=mc2@example.com> AUTH=e+3Dmc2@example.com").parameters().auth())
                .contains(new MailParameters.Submitter.Mailbox("e=mc2@example.com"));
        assertThat(mail.parse("FROM:<a@b.example> AUTH=<>").parameters().auth())
                .contains(new MailParameters.Submitter.Unknown());
        assertThat(mail.parse("FROM:<a@b.example>").parameters().auth()).isEmpty();
        assertThatThrownBy(() -> mail.parse("FROM:<a@b.example> AUTH=")).isInstanceOf(SmtpSyntaxException.class);
        assertThatThrownBy(() -> mail.parse("FROM:<a@b.example> AUTH=nobody")).isInstanceOf(SmtpSyntaxException.class);
        assertThatThrownBy(() -> mail.parse("FROM:<a@b.example> AUTH=a+20b@c")).isInstanceOf(SmtpSyntaxException.class);
        assertThatThrownBy(() -> mail.parse("FROM:<a@b.example> AUTH=a+zz@c")).isInstanceOf(SmtpSyntaxException.class);
        try (SmtpTestClient c = greeted()) {
            assertThat(reply(c.command("MAIL FROM:<a@remote.example> AUTH=<>"))).startsWith("250 2.1.0");
        }
    }

    @Test
    void acceptsLenientForms() throws Exception {
        assertThat(mail.parse("from:<>").path()).isInstanceOf(Paths.NullPath.class);
        assertThat(mail.parse("FROM: <a@b.example>").path()).isInstanceOf(Paths.MailboxPath.class);
        assertThat(mail.parse("FROM:a@b.example SIZE=1").parameters().size().getAsLong()).isEqualTo(1);
    }

    @Test
    void refusesBadSyntax() {
        assertThatThrownBy(() -> mail.parse("TO:<a@b.example>")).isInstanceOf(SmtpSyntaxException.class);
        assertThatThrownBy(() -> mail.parse("FROM:<a@b.example")).isInstanceOf(SmtpSyntaxException.class);
        assertThatThrownBy(() -> mail.parse("FROM:<postmaster>")).isInstanceOf(SmtpSyntaxException.class);
        assertThatThrownBy(() -> mail.parse("FROM:<a@b.example> SIZE=")).isInstanceOf(SmtpSyntaxException.class);
        assertThatThrownBy(() -> mail.parse("FROM:<a@b.example> ENVID=" + "x".repeat(101)))
                .isInstanceOf(SmtpSyntaxException.class);
        assertThatThrownBy(() -> mail.parse("FROM:<a@b.example> ENVID=a+zz")).isInstanceOf(SmtpSyntaxException.class);
    }

    @Test
    void overSizedDeclarationIsRefusedEarly() throws Exception {
        try (SmtpTestClient c = greeted()) {
            assertThat(reply(c.command("MAIL FROM:<a@remote.example> SIZE=10240001"))).startsWith("552 5.3.4");
            assertThat(reply(c.command("MAIL FROM:<a@remote.example> SIZE=10240000"))).startsWith("250 2.1.0");
        }
    }

    @Test
    void addressLiteralSenderIsRefused() throws Exception {
        try (SmtpTestClient c = greeted()) {
            assertThat(reply(c.command("MAIL FROM:<a@[192.0.2.1]>"))).startsWith("501 5.1.7");
        }
    }
}
