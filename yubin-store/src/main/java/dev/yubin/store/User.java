package dev.yubin.store;

import dev.yubin.core.EmailAddress;

/**
 * A mail user: one login, one set of mailboxes.
 *
 * @param quotaBytes storage limit over all mailboxes; 0 means unlimited
 */
public record User(UserId id, EmailAddress address, long quotaBytes) {
}
