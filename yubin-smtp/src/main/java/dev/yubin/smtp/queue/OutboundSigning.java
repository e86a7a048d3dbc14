package dev.yubin.smtp.queue;

import dev.yubin.auth.RawMessage;
import dev.yubin.auth.dkim.DkimSigner;
import dev.yubin.auth.dmarc.Author;
import dev.yubin.store.BlobId;
import dev.yubin.store.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
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
 */
final class OutboundSigning {
    private static final Logger LOG = LoggerFactory.getLogger(OutboundSigning.class);

    /** The (possibly new) blob to queue and its size. */
    record Signed(BlobId blob, long size) {
    }

    private final DkimSigners signers;
    private final BlobStore blobs;

    OutboundSigning(DkimSigners signers, BlobStore blobs) {
        this.signers = signers;
        this.blobs = blobs;
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
        BlobId signed;
        try (BlobStore.Writer w = blobs.create()) {
            OutputStream out = w.stream();
            out.write(fields);
            out.write(message);
            signed = w.commit();
        }
        LOG.info("event=queue.dkim_signed origin={} domain={} size={}", origin, author.domain(),
                fields.length + message.length);
        return new Signed(signed, fields.length + (long) message.length);
    }
}
