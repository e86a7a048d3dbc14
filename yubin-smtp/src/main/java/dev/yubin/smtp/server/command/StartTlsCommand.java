package dev.yubin.smtp.server.command;

import dev.yubin.smtp.server.SmtpReply;
import dev.yubin.smtp.server.SmtpSession;
import java.io.IOException;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * STARTTLS (RFC 3207 §4): {@code 220}, then the TLS handshake over the same socket (TLS 1.2+
 * only, as the shared context allows). Plaintext the client pipelined after STARTTLS is discarded
 * by {@code Connection.startTls} (CVE-2011-0411), and the session forgets what it learned before
 * the handshake: greeting, transaction, authentication (RFC 3207 §4.2). Without a TLS context:
 * {@code 454 4.7.0}; on a secure session: {@code 554 5.5.1}. A failed handshake ends the session
 * (the client cannot tell where plaintext would resume).
 */
public final class StartTlsCommand implements SmtpCommand<StartTlsCommand.Args> {
    private static final Logger LOG = LoggerFactory.getLogger(StartTlsCommand.class);

    public record Args() {
    }

    @Override
    public String verb() {
        return "STARTTLS";
    }

    @Override
    public Args parse(String arguments) throws SmtpSyntaxException {
        if (!arguments.isBlank()) {
            throw new SmtpSyntaxException(SmtpReply.SYNTAX.withText("Syntax: STARTTLS")); // RFC 3207 §4
        }
        return new Args();
    }

    @Override
    public void execute(SmtpSession session, Args args) throws IOException {
        if (session.connection().isSecure()) {
            session.reply(SmtpReply.ALREADY_TLS);
            return;
        }
        Optional<SSLContext> context = session.server().access().tls();
        if (context.isEmpty()) {
            session.reply(SmtpReply.TLS_UNAVAILABLE);
            return;
        }
        session.reply(SmtpReply.TLS_READY);
        session.flush();
        session.connection().startTls(context.get()); // discards pipelined plaintext
        session.connection().setReadTimeout(session.settings().commandTimeout());
        session.resetAfterTls(); // RFC 3207 §4.2: the client must send EHLO again
        LOG.info("event=smtp.tls_started conn={} protocol={} cipher={}", session.id(),
                session.connection().tlsSession().getProtocol(), session.connection().tlsSession().getCipherSuite());
    }
}
