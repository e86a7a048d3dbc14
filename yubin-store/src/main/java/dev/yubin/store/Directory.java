package dev.yubin.store;

import dev.yubin.core.Domain;
import dev.yubin.core.EmailAddress;
import java.util.List;
import java.util.Optional;

/**
 * Local domains, users, credentials and aliases, and the recipient resolution built on them.
 *
 * <p>Every method is safe to call from many threads and from several processes sharing one data
 * directory or database (the CLI runs while the server does). Mutations are atomic: a failure
 * leaves nothing half-written.
 */
public interface Directory {

    /** Adds a local domain. @throws StoreException.Conflict if it exists */
    void addDomain(Domain domain);

    /**
     * Removes a local domain. @throws StoreException.Conflict while users or aliases of the domain
     * exist; @throws StoreException.NotFound if unknown
     */
    void removeDomain(Domain domain);

    List<Domain> domains();

    boolean isLocalDomain(Domain domain);

    /**
     * Creates a user with INBOX and the special-use folders Sent, Drafts, Trash, Junk and Archive
     * (RFC 6154), in one transaction. @throws StoreException.NotFound if the domain is not local;
     * @throws StoreException.Conflict if the address is taken by a user or an alias
     */
    User addUser(EmailAddress address, Credentials credentials);

    Optional<User> user(EmailAddress address);

    Optional<User> user(UserId id);

    /** All users, ordered by address. */
    List<User> users();

    Optional<Credentials> credentials(EmailAddress address);

    /** @throws StoreException.NotFound if no such user */
    void setCredentials(EmailAddress address, Credentials credentials);

    /** @throws StoreException.NotFound if no such user */
    void setQuota(EmailAddress address, long quotaBytes);

    /** Removes the user, its mailboxes and messages (blobs are released). @throws StoreException.NotFound */
    void removeUser(EmailAddress address);

    /**
     * Adds or replaces the alias for its source. @throws StoreException.NotFound if the source
     * domain is not local; @throws StoreException.Conflict if the source is a user's address
     */
    void addAlias(Alias alias);

    /** All aliases, ordered by source. */
    List<Alias> aliases();

    /** @throws StoreException.NotFound if no alias has this source */
    void removeAlias(String source);

    /**
     * Resolves one envelope recipient, in this order: exact user; exact alias; the address
     * without its {@code +detail} (plus-addressing) as user then alias; the domain's catch-all;
     * for {@code postmaster} (RFC 5321 §4.5.1, any case) the domain's first user, else the first
     * user of any domain. Alias targets are expanded recursively (depth 10, loops cut). Only
     * local domains resolve; others give {@link Recipients#none()}.
     */
    Recipients resolve(EmailAddress recipient);
}
