package dev.yubin.smtp.queue;

import dev.yubin.auth.dkim.DkimSigner;
import java.util.Optional;

/**
 * Where the outbound queue finds the DKIM signer for an author domain (RFC 6376 §5): the
 * application serves it from its key store; {@link #NONE} signs nothing.
 */
@FunctionalInterface
public interface DkimSigners {

    /** Signs nothing. */
    DkimSigners NONE = domain -> Optional.empty();

    /** The signer with the active keys of {@code domain} (lower-case A-label form), if it has any. */
    Optional<DkimSigner> signerFor(String domain);
}
