package dev.yubin.auth;

import dev.yubin.auth.arc.ArcResult;
import dev.yubin.auth.dkim.DkimResult;
import dev.yubin.auth.dmarc.DmarcResult;
import dev.yubin.auth.spf.SpfResult;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * Every authentication result for one inbound message, and what to do with it.
 *
 * @param spf the SPF result for MAIL FROM (or HELO when MAIL FROM was null)
 * @param dkim one result per DKIM-Signature, top to bottom (empty: none)
 * @param dmarc the DMARC evaluation
 * @param arc the ARC chain validation
 * @param authenticationResults our Authentication-Results field, ending in CRLF
 * @param disposition ACCEPT, QUARANTINE (deliver to Junk) or REJECT (550 5.7.1 at end of DATA)
 * @param reason why the disposition is not ACCEPT ("" when it is)
 */
public record AuthVerdict(SpfResult spf, List<DkimResult> dkim, DmarcResult dmarc, ArcResult arc,
                          String authenticationResults,
                          Disposition disposition, String reason, String authservId) {

    /** What the SMTP server does with the message. */
    public enum Disposition { ACCEPT, QUARANTINE, REJECT }

    public AuthVerdict {
        Objects.requireNonNull(spf);
        dkim = List.copyOf(dkim);
        Objects.requireNonNull(dmarc);
        Objects.requireNonNull(arc);
        Objects.requireNonNull(authenticationResults);
        Objects.requireNonNull(disposition);
        Objects.requireNonNull(reason);
        Objects.requireNonNull(authservId);
    }

    /**
     * Our Authentication-Results field without its final CRLF (folded with CRLF TAB), the form
     * the SMTP server's filter verdicts take.
     */
    public String headerField() {
        return authenticationResults.endsWith("\r\n")
                ? authenticationResults.substring(0, authenticationResults.length() - 2) : authenticationResults;
    }

    /**
     * The method results of our Authentication-Results field without the authserv-id, e.g. for
     * the ARC-Authentication-Results of {@link dev.yubin.auth.arc.ArcSealer#seal} when forwarding.
     */
    public String methodResults() {
        String v = authenticationResults.substring(authenticationResults.indexOf(';') + 1);
        return v.replace("\r\n", "").replace("\t", " ").strip();
    }

    /**
     * The message to store: Authentication-Results fields claiming our authserv-id removed, ours
     * prepended (RFC 8601 §5).
     */
    public byte[] stamp(byte[] message) {
        byte[] clean = new AuthenticationResults(authservId).removeOurs(message);
        ByteArrayOutputStream out = new ByteArrayOutputStream(clean.length + authenticationResults.length());
        out.writeBytes(authenticationResults.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(clean);
        return out.toByteArray();
    }
}
