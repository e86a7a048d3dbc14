package dev.yubin.net.sasl;

import java.util.Optional;

/**
 * One server-side SASL exchange (RFC 4422), as a state machine: {@link #start} with the client's
 * initial response if it sent one (an empty array is an empty initial response, not an absent
 * one: RFC 4422 §4.3.b), then {@link #next} with each answer to a {@link SaslStep.Challenge}
 * until a {@link SaslStep.Success} or {@link SaslStep.Failure}. Not thread-safe; one instance
 * per exchange (from {@link SaslMechanisms#create}). A client's cancel ({@code *}) is handled by
 * the protocol, which then drops the instance.
 */
public interface SaslMechanism {

    /** The IANA mechanism name, e.g. {@code SCRAM-SHA-256}. */
    String name();

    SaslStep start(Optional<byte[]> initialResponse);

    /** @throws IllegalStateException if the exchange has already ended */
    SaslStep next(byte[] response);
}
