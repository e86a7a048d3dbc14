package dev.yubin.net.sasl;

import dev.yubin.net.auth.Authenticator;
import dev.yubin.net.auth.CleartextPolicy;
import dev.yubin.net.auth.ClientChannel;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The SASL mechanisms the servers offer, and the factory of exchanges. All three carry or prove a
 * password, so none is offered on a connection where the {@link CleartextPolicy} refuses
 * passwords (RFC 8314 §3.2; IMAP LOGINDISABLED, RFC 2595 §4, RFC 4954 §4).
 */
public final class SaslMechanisms {
    public static final String SCRAM_SHA_256 = "SCRAM-SHA-256";
    public static final String PLAIN = "PLAIN";
    public static final String LOGIN = "LOGIN";

    /** Offered in this order, strongest first. */
    public static final List<String> ALL = List.of(SCRAM_SHA_256, PLAIN, LOGIN);

    private final Authenticator authenticator;
    private final CleartextPolicy cleartext;
    private final byte[] fakeSaltKey;

    public SaslMechanisms(Authenticator authenticator, CleartextPolicy cleartext) {
        this.authenticator = authenticator;
        this.cleartext = cleartext;
        this.fakeSaltKey = authenticator.fakeSaltKeyForSasl();
    }

    public CleartextPolicy cleartextPolicy() {
        return cleartext;
    }

    /** True when a password may be sent on this channel (LOGIN, USER/PASS, AUTH). */
    public boolean passwordsAllowed(ClientChannel channel) {
        return cleartext.allows(channel);
    }

    /** The mechanism names to advertise on this channel; empty when passwords are not allowed. */
    public List<String> advertised(ClientChannel channel) {
        return passwordsAllowed(channel) ? ALL : List.of();
    }

    /**
     * Starts an exchange of the named mechanism (case-insensitive); empty if the name is unknown
     * or the mechanism is not allowed on this channel.
     */
    public Optional<SaslMechanism> create(String name, ClientChannel channel) {
        if (!passwordsAllowed(channel)) {
            return Optional.empty();
        }
        return switch (name.toUpperCase(Locale.ROOT)) {
            case SCRAM_SHA_256 -> Optional.of(new ScramSha256Mechanism(authenticator, fakeSaltKey));
            case PLAIN -> Optional.of(new PlainMechanism(authenticator));
            case LOGIN -> Optional.of(new LoginMechanism(authenticator));
            default -> Optional.empty();
        };
    }
}
