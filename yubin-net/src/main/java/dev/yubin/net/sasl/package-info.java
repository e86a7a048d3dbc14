/**
 * Server-side SASL (RFC 4422) shared by IMAP AUTHENTICATE, POP3 AUTH and SMTP AUTH:
 * PLAIN (RFC 4616), LOGIN (draft-murchison-sasl-login) and SCRAM-SHA-256 (RFC 7677 / RFC 5802,
 * without channel binding).
 *
 * <p>Use: {@code SaslMechanisms sasl = new SaslMechanisms(authenticator, CleartextPolicy.DEFAULT)};
 * advertise {@code sasl.advertised(ClientChannel.of(conn))}; on AUTH, {@code sasl.create(name,
 * channel)} (empty → "unsupported mechanism"), then {@code start(initialResponse)} and
 * {@code next(response)} until the sealed {@link dev.yubin.net.sasl.SaslStep} is {@code Success}
 * (send {@code serverData} as a last challenge when non-empty, see its Javadoc) or {@code Failure}
 * (map its {@code Reason}; feed INVALID_CREDENTIALS/AUTHORIZATION_FAILED to
 * {@code LoginThrottle.failed}). Base64 framing and the client's {@code *} cancel belong to the
 * protocol.
 *
 * <p>Invariants: mechanisms never log or keep passwords; SCRAM unknown users are
 * indistinguishable until the proof. Known gaps: no SASLprep (RFC 4013) normalisation of user
 * names and passwords (non-ASCII passwords must be sent in NFC by clients), no -PLUS channel
 * binding, no proxy authorisation (authzid must be the user itself), no OAUTHBEARER/XOAUTH2.
 */
package dev.yubin.net.sasl;
