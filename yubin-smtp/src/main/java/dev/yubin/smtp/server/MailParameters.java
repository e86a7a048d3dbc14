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
 */
public record MailParameters(OptionalLong size, Body body, Utf8 utf8, Optional<Ret> ret,
                             Optional<String> envelopeId) {
    public static final MailParameters NONE = new MailParameters(OptionalLong.empty(), Body.UNSPECIFIED,
            Utf8.NOT_REQUESTED, Optional.empty(), Optional.empty());

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
