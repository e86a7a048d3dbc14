package dev.yubin.smtp.server.auth;

import dev.yubin.auth.AuthVerdict;
import dev.yubin.auth.AuthenticationResults;
import dev.yubin.auth.HeaderField;
import dev.yubin.auth.MessageAuthenticator;
import dev.yubin.auth.RawMessage;
import dev.yubin.smtp.server.ClientInfo;
import dev.yubin.smtp.server.FilterContext;
import dev.yubin.smtp.server.FilterVerdict;
import dev.yubin.smtp.server.InboundFilter;
import dev.yubin.smtp.server.SmtpReply;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.time.Clock;
import dev.yubin.store.dmarc.DmarcReportStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SPF, DKIM, DMARC and ARC on inbound mail, through yubin-auth's {@link MessageAuthenticator}:
 * prepends our Authentication-Results (RFC 8601), removes Authentication-Results fields that
 * already claim our authserv-id (forged, RFC 8601 §5), refuses DMARC {@code p=reject} failures
 * with {@code 550 5.7.1} and delivers {@code p=quarantine} failures to Junk (RFC 7489 §6.3, as
 * the authenticator's settings say). Mail from a client that authenticated with AUTH (submission)
 * is not checked: it is ours to send, not to judge.
 */
public final class AuthenticationFilter implements InboundFilter {
    private static final Logger LOG = LoggerFactory.getLogger(AuthenticationFilter.class);

    private final MessageAuthenticator authenticator;
    private final AuthenticationResults ours;
    private final Optional<DmarcRecording> reports;

    /** @param authservId the authenticator's authserv-id (its settings), to find forged fields */
    public AuthenticationFilter(MessageAuthenticator authenticator, String authservId) {
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
        this.ours = new AuthenticationResults(authservId);
        this.reports = Optional.empty();
    }

    /**
     * As {@link #AuthenticationFilter(MessageAuthenticator, String)}, also keeping each message's
     * DMARC evaluation in {@code reports} for the aggregate reports (RFC 7489 §7.2).
     */
    public AuthenticationFilter(MessageAuthenticator authenticator, String authservId, DmarcReportStore reports,
                                Clock clock) {
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
        this.ours = new AuthenticationResults(authservId);
        this.reports = Optional.of(new DmarcRecording(reports, clock));
    }

    @Override
    public FilterVerdict check(FilterContext context) throws IOException {
        ClientInfo client = context.client();
        if (client.authUser().isPresent()) {
            return FilterVerdict.ACCEPT;
        }
        byte[] message;
        try (InputStream in = context.message().open()) {
            message = in.readAllBytes();
        }
        String mailFrom = context.envelope().sender().address().map(Object::toString).orElse("");
        AuthVerdict verdict = authenticator.evaluate(client.address(), client.helo(), mailFrom, message);
        reports.ifPresent(r -> r.record(client.connectionId(), client.address(), client.helo(), mailFrom, verdict));
        List<String> forged = new ArrayList<>();
        for (HeaderField h : RawMessage.parse(message).headers()) {
            if (ours.claimsOurId(h)) {
                forged.add(h.raw()); // RFC 8601 §5: never let a forged result of ours through
            }
        }
        LOG.info("event=smtp.auth_results conn={} id={} spf={} dmarc={} disposition={} forged_removed={}",
                client.connectionId(), context.queueId(), verdict.spf().getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT),
                verdict.dmarc().status(),
                verdict.disposition(), forged.size());
        List<String> header = List.of(verdict.headerField());
        return switch (verdict.disposition()) {
            case ACCEPT -> new FilterVerdict.Accept(header, forged);
            case QUARANTINE -> new FilterVerdict.Quarantine(verdict.reason(), header, forged);
            case REJECT -> new FilterVerdict.Reject(SmtpReply.of(550, "5.7.1", printable(verdict.reason())));
        };
    }

    /** A reason safe for one reply line (it may quote a domain from the message). */
    private static String printable(String reason) {
        StringBuilder sb = new StringBuilder(Math.min(reason.length(), 200));
        for (int i = 0; i < reason.length() && i < 200; i++) {
            char c = reason.charAt(i);
            sb.append(c >= ' ' && c < 0x7f ? c : '?');
        }
        return sb.isEmpty() ? "Message rejected by DMARC policy" : sb.toString();
    }
}
