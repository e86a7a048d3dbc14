package dev.yubin.auth;

import dev.yubin.auth.AuthVerdict.Disposition;
import dev.yubin.auth.arc.ArcResult;
import dev.yubin.auth.arc.ArcVerifier;
import dev.yubin.auth.dkim.DkimResult;
import dev.yubin.auth.dkim.DkimVerifier;
import dev.yubin.auth.dmarc.DmarcResult;
import dev.yubin.auth.dmarc.DmarcVerifier;
import dev.yubin.auth.dmarc.PublicSuffixList;
import dev.yubin.auth.spf.SpfResult;
import dev.yubin.auth.spf.SpfVerifier;
import dev.yubin.dns.Resolver;
import java.net.InetAddress;
import java.time.Clock;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Runs SPF, DKIM, DMARC and ARC validation on one inbound message and returns an {@link AuthVerdict}: the
 * results, our Authentication-Results field and the disposition. Meant to be called by the SMTP
 * server after DATA, before the message is committed; pure apart from DNS. Thread-safe.
 */
public final class MessageAuthenticator {

    private final AuthSettings settings;
    private final SpfVerifier spf;
    private final DkimVerifier dkim;
    private final DmarcVerifier dmarc;
    private final ArcVerifier arc;
    private final AuthenticationResults ar;

    public MessageAuthenticator(Resolver resolver, AuthSettings settings, Clock clock) {
        this.settings = settings;
        this.spf = new SpfVerifier(resolver, settings.spfLimits(), settings.authservId(), clock);
        this.dkim = new DkimVerifier(resolver, clock, settings.dkimLimits());
        this.dmarc = new DmarcVerifier(resolver, PublicSuffixList.bundled(), RandomGenerator.getDefault());
        this.arc = new ArcVerifier(resolver, settings.dkimLimits().minRsaBits());
        this.ar = new AuthenticationResults(settings.authservId());
    }

    /** With the default settings and the system clock. */
    public MessageAuthenticator(Resolver resolver, String authservId) {
        this(resolver, AuthSettings.defaults(authservId), Clock.systemUTC());
    }

    /**
     * @param clientIp the SMTP client address
     * @param helo the HELO/EHLO argument
     * @param mailFrom the MAIL FROM address without brackets, "" for the null reverse-path
     * @param message the message as received (header and body, CRLF line ends)
     */
    public AuthVerdict evaluate(InetAddress clientIp, String helo, String mailFrom, byte[] message) {
        return evaluate(clientIp, helo, mailFrom, message, spf.check(clientIp, mailFrom, helo));
    }

    /** The SPF check of {@code mailFrom} at MAIL time, without repeating the lookups. */
    public SpfResult checkSpf(InetAddress clientIp, String helo, String mailFrom) {
        return spf.check(clientIp, mailFrom, helo);
    }

    /**
     * As {@link #evaluate(InetAddress, String, String, byte[])} with the SPF result already
     * computed at MAIL time ({@link #checkSpf}).
     */
    public AuthVerdict evaluate(InetAddress clientIp, String helo, String mailFrom, byte[] message, SpfResult spfResult) {
        RawMessage raw = RawMessage.parse(message);
        boolean nullSender = mailFrom == null || mailFrom.isEmpty();
        String spfDomain = nullSender ? helo : mailFrom.substring(mailFrom.lastIndexOf('@') + 1);
        List<DkimResult> dkimResults = dkim.verify(raw);
        DmarcResult dmarcResult = dmarc.evaluate(raw, new DmarcVerifier.SpfEvidence(spfResult, spfDomain), dkimResults);
        ArcResult arcResult = arc.verify(raw);
        String header = ar.header(spfResult, nullSender ? AuthenticationResults.SpfIdentity.helo(helo)
                : AuthenticationResults.SpfIdentity.mailFrom(mailFrom), dkimResults, dmarcResult, arcResult);
        Disposition disposition = disposition(dmarcResult);
        if (disposition != Disposition.ACCEPT && dmarcResult.status() == DmarcResult.Status.FAIL
                && arcResult.vouchesForDmarc(settings.trustedArcSealers())) {
            disposition = Disposition.ACCEPT; // RFC 8617 §7.2: a trusted forwarder saw DMARC pass
        }
        String reason = switch (disposition) {
            case ACCEPT -> "";
            case QUARANTINE, REJECT -> dmarcResult.status() == DmarcResult.Status.PERMERROR
                    ? "message has no unique author: " + dmarcResult.reason()
                    : "DMARC policy of " + dmarcResult.fromDomain() + " (" + dmarcResult.policy().keyword() + ") failed";
        };
        return new AuthVerdict(spfResult, dkimResults, dmarcResult, arcResult, header, disposition, reason, settings.authservId());
    }

    private Disposition disposition(DmarcResult d) {
        Disposition policy = switch (d.disposition()) {
            case ACCEPT -> Disposition.ACCEPT;
            case QUARANTINE -> Disposition.QUARANTINE;
            case REJECT -> Disposition.REJECT;
        };
        return switch (settings.dmarcEnforcement()) {
            case FOLLOW_POLICY -> policy;
            case QUARANTINE_INSTEAD_OF_REJECT -> policy == Disposition.REJECT ? Disposition.QUARANTINE : policy;
            case MONITOR -> Disposition.ACCEPT;
        };
    }

}
