package dev.yubin.smtp.queue;

import dev.yubin.auth.RawMessage;
import dev.yubin.auth.arc.ArcSealer;
import dev.yubin.auth.dkim.DkimAlgorithm;
import dev.yubin.auth.dkim.DkimSigner;
import dev.yubin.auth.dkim.DkimSigningKey;
import dev.yubin.smtp.client.OutgoingMessage;
import dev.yubin.auth.dmarc.Author;
import dev.yubin.store.BlobId;
import dev.yubin.store.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs a message once when it enters the queue, after every change made to it (RFC 6376 §5,
 * "signing must be the last change"), and stores the signed copy as a new blob, so every retry
 * sends identical bytes. The signing domain is the RFC 5322 From domain (like OpenDKIM and most
 * MTAs), so the signature aligns for DMARC (RFC 7489 §3.1.1); messages with no single From
 * mailbox, or whose From domain has no active key, are left unsigned; so are messages whose key
 * cannot be loaded (logged as {@code event=queue.dkim_sign_failed}), rather than refused.
 * Mail received from outside and forwarded is not DKIM-signed but ARC-sealed by the forwarding
 * domain ({@link #seal}, RFC 8617 §5.1).
 */
final class OutboundSigning {
    private static final Logger LOG = LoggerFactory.getLogger(OutboundSigning.class);

    /** The (possibly new) blob to queue and its size. */
    record Signed(BlobId blob, long size) {
    }

    private final DkimSigners signers;
    private final BlobStore blobs;
    private final String authservId;
    private final Clock clock;

    OutboundSigning(DkimSigners signers, BlobStore blobs) {
        this(signers, blobs, "", Clock.systemUTC());
    }

    /** @param authservId the authserv-id of our inbound Authentication-Results (the verdict an ARC seal vouches for) */
    OutboundSigning(DkimSigners signers, BlobStore blobs, String authservId, Clock clock) {
        this.signers = signers;
        this.blobs = blobs;
        this.authservId = authservId;
        this.clock = clock;
    }

    /**
     * For mail received from outside and forwarded (an alias to an outside address): the copy
     * with an ARC set (RFC 8617 §5.1) sealed with a key of {@code forwardingDomain} (RSA preferred,
     * the algorithm ARC receivers support most), vouching for our inbound verdict, committed;
     * the original when the domain has no key or the message carries no verdict of ours. The
     * leading Return-Path is dropped from the copy (RFC 5321 §4.4: a relay sends none). Sealing
     * is the last change: retries resend these bytes.
     */
    Signed seal(String origin, BlobId blob, long size, String forwardingDomain) throws IOException {
        if (signers == DkimSigners.NONE || authservId.isEmpty()) {
            return new Signed(blob, size);
        }
        byte[] message;
        try (InputStream in = blobs.open(blob)) {
            message = in.readAllBytes();
        }
        int skip = (int) OutgoingMessage.returnPathLength(message);
        if (skip > 0) {
            message = java.util.Arrays.copyOfRange(message, skip, message.length);
        }
        Optional<String> fields;
        try {
            Optional<DkimSigningKey> key = signers.signerFor(forwardingDomain).flatMap(s -> s.keys().stream()
                    .min(java.util.Comparator.comparing(k -> k.algorithm() != DkimAlgorithm.RSA_SHA256)));
            if (key.isEmpty()) {
                LOG.info("event=queue.arc_not_sealed origin={} domain={} reason=no_key", origin, forwardingDomain);
                return new Signed(blob, size);
            }
            fields = new ArcSealer(key.get(), authservId, clock).sealWithRecordedVerdict(message);
        } catch (RuntimeException e) {
            LOG.warn("event=queue.arc_seal_failed origin={} domain={} error=\"{}\"", origin, forwardingDomain,
                    e.toString());
            return new Signed(blob, size);
        }
        if (fields.isEmpty()) {
            LOG.info("event=queue.arc_not_sealed origin={} domain={} reason=no_verdict_or_failed_chain", origin,
                    forwardingDomain);
            return new Signed(blob, size);
        }
        Signed sealed = prepend(fields.get().getBytes(StandardCharsets.US_ASCII), message);
        LOG.info("event=queue.arc_sealed origin={} domain={} size={}", origin, forwardingDomain, sealed.size());
        return sealed;
    }

    /** A new committed blob: {@code fields} then {@code message}. */
    private Signed prepend(byte[] fields, byte[] message) throws IOException {
        try (BlobStore.Writer w = blobs.create()) {
            OutputStream out = w.stream();
            out.write(fields);
            out.write(message);
            return new Signed(w.commit(), fields.length + (long) message.length);
        }
    }

    /** The signed copy, committed, or the original when nothing signs for the author domain. */
    Signed sign(String origin, BlobId blob, long size) throws IOException {
        if (signers == DkimSigners.NONE) {
            return new Signed(blob, size);
        }
        byte[] message;
        try (InputStream in = blobs.open(blob)) {
            message = in.readAllBytes();
        }
        if (!(Author.of(RawMessage.parse(message)) instanceof Author.Single author)) {
            return new Signed(blob, size);
        }
        byte[] fields;
        try {
            Optional<DkimSigner> signer = signers.signerFor(author.domain());
            if (signer.isEmpty()) {
                return new Signed(blob, size);
            }
            fields = signer.get().sign(message).getBytes(StandardCharsets.US_ASCII);
        } catch (RuntimeException e) {
            // an unreadable key must not lose the message: it leaves unsigned, and the log says why
            LOG.warn("event=queue.dkim_sign_failed origin={} domain={} error=\"{}\"", origin, author.domain(),
                    e.toString());
            return new Signed(blob, size);
        }
        Signed signed = prepend(fields, message);
        LOG.info("event=queue.dkim_signed origin={} domain={} size={}", origin, author.domain(), signed.size());
        return signed;
    }
}
