package dev.yubin.smtp.server;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * The ESMTP parameters of MAIL FROM that Yubin understands.
 *
 * @param size declared message size, RFC 1870 {@code SIZE=}
 * @param body RFC 6152 {@code BODY=}
 * @param utf8 RFC 6531 {@code SMTPUTF8}
 * @param ret RFC 3461 §4.3 {@code RET=}
 * @param envelopeId RFC 3461 §4.4 {@code ENVID=}, xtext-decoded
 * @param auth RFC 4954 §5 {@code AUTH=}: who the client says originally submitted the message
 */
public record MailParameters(OptionalLong size, Body body, Utf8 utf8, Optional<Ret> ret,
                             Optional<String> envelopeId, Optional<Submitter> auth) {
    public static final MailParameters NONE = new MailParameters(OptionalLong.empty(), Body.UNSPECIFIED,
            Utf8.NOT_REQUESTED, Optional.empty(), Optional.empty());

    /** Without an {@code AUTH=} parameter. */
    public MailParameters(OptionalLong size, Body body, Utf8 utf8, Optional<Ret> ret, Optional<String> envelopeId) {
        this(size, body, utf8, ret, envelopeId, Optional.empty());
    }

    /**
     * The value of RFC 4954 §5 {@code AUTH=}: the original submitter's mailbox, or {@code <>}
     * when it is not known. Only a trusted (authenticated) client's value is believed.
     */
    public sealed interface Submitter {
        /** {@code AUTH=<>}: the original submitter is not known. */
        record Unknown() implements Submitter {
        }

        /** {@code AUTH=mailbox} (xtext-decoded). */
        record Mailbox(String address) implements Submitter {
            public Mailbox {
                if (address == null || address.isEmpty() || address.length() > 320 || address.indexOf('@') < 1
                        || address.chars().anyMatch(c -> c <= ' ' || c == '<' || c == '>' || c == 0x7f)) {
                    throw new IllegalArgumentException("AUTH= is not a mailbox: " + address);
                }
            }
        }

        /**
         * Parses the decoded xtext value (RFC 4954 §5: {@code "<>"} or an addr-spec).
         *
         * @throws IllegalArgumentException when it is neither
         */
        static Submitter parse(String decoded) {
            return "<>".equals(decoded) ? new Unknown() : new Mailbox(decoded);
        }
    }

    /** RFC 6152 body types; BINARYMIME (RFC 3030) is not offered. */
    public enum Body { UNSPECIFIED, SEVEN_BIT, EIGHT_BIT_MIME }

    /** Whether the client asked for SMTPUTF8 (RFC 6531 §3.4). */
    public enum Utf8 { NOT_REQUESTED, REQUESTED }

    /** RFC 3461 §4.3: what a DSN should return. */
    public enum Ret { FULL, HDRS }

    public MailParameters {
        if (size.isPresent() && size.getAsLong() < 0) {
            throw new IllegalArgumentException("negative SIZE");
        }
    }
}
