package dev.yubin.smtp.server.command;

import dev.yubin.core.EmailAddress;
import dev.yubin.store.Directory;
import dev.yubin.store.Recipients;
import dev.yubin.store.User;

/**
 * Submission's MAIL FROM rule (RFC 6409 §4.3 and §6.1: the server may check that the sender is
 * one the authenticated user may use): the user's own address, a plus-tag of it, or an alias whose
 * only destination is the user. Ownership is decided by the {@link Directory}'s own resolution, so
 * plus-addressing and aliases mean the same here as for delivery. A catch-all counts too (all its
 * mail goes to the user). There is no administrator role yet, so "any address of a domain the
 * user administers" is not offered.
 */
final class SenderOwnership {
    private SenderOwnership() {
    }

    static boolean owns(Directory directory, User user, EmailAddress sender) {
        if (sender.canonical().equals(user.address().canonical())) {
            return true;
        }
        if (!directory.isLocalDomain(sender.domain())) {
            return false;
        }
        Recipients resolved = directory.resolve(sender);
        return resolved.forward().isEmpty() && resolved.local().size() == 1
                && resolved.local().get(0).id().equals(user.id());
    }
}
