package dev.yubin.smtp.server;

import java.util.Optional;
import java.util.Set;

/**
 * The DSN parameters of RCPT TO (RFC 3461 §4.1, §4.2), kept for the outbound queue's DSNs.
 *
 * @param notifyOn empty when not given; {@code NEVER} alone, or any of the others
 * @param originalRecipient {@code ORCPT=addr-type;xtext}, decoded
 */
public record RcptParameters(Set<Notify> notifyOn, Optional<OriginalRecipient> originalRecipient) {
    public static final RcptParameters NONE = new RcptParameters(Set.of(), Optional.empty());

    public enum Notify { NEVER, SUCCESS, FAILURE, DELAY }

    /** RFC 3461 §4.2: {@code addr-type} (e.g. {@code rfc822}) and the decoded address. */
    public record OriginalRecipient(String addressType, String address) {
    }

    public RcptParameters {
        notifyOn = Set.copyOf(notifyOn);
        if (notifyOn.contains(Notify.NEVER) && notifyOn.size() > 1) {
            throw new IllegalArgumentException("NOTIFY=NEVER cannot be combined"); // RFC 3461 §4.1
        }
    }
}
