package dev.yubin.smtp.server.command;

import dev.yubin.core.Domain;
import dev.yubin.core.EmailAddress;
import dev.yubin.smtp.server.MailParameters;
import dev.yubin.smtp.server.RcptParameters;
import dev.yubin.smtp.server.Recipient;
import dev.yubin.smtp.server.SmtpReply;
import dev.yubin.smtp.server.SmtpSession;
import dev.yubin.smtp.server.Transaction;
import dev.yubin.store.Directory;
import dev.yubin.store.Recipients;
import dev.yubin.store.User;
import java.util.List;

/**
 * Decides one RCPT: where it goes, or why not. The relay rule (Postfix-like): an unauthenticated
 * client may only name recipients in local domains, and a local part that hides another
 * destination ({@code %}, {@code !} or {@code @}: percent hack, bang path, quoted address) is a
 * relay attempt unless it is literally a user's address. Address literals are never local.
 * Resolution (aliases, plus-addressing, catch-all, postmaster) is the directory's job.
 */
final class RecipientResolver {

    /** The outcome of one RCPT. */
    sealed interface Decision {
    }

    record Accept(Recipient recipient) implements Decision {
    }

    record Refuse(SmtpReply reply, String reason) implements Decision {
    }

    private RecipientResolver() {
    }

    static Decision decide(SmtpSession session, Transaction tx, Paths.Path path, RcptParameters params) {
        Directory directory = session.server().directory();
        EmailAddress address;
        switch (path) {
            case Paths.BarePostmaster p -> {
                List<Domain> domains = directory.domains(); // RFC 5321 §4.1.1.3: <Postmaster> must be accepted
                if (domains.isEmpty()) {
                    return new Refuse(SmtpReply.USER_UNKNOWN, "no_local_domain");
                }
                address = new EmailAddress("postmaster", domains.get(0));
            }
            case Paths.MailboxPath m -> {
                if (m.needsUtf8() && tx.parameters().utf8() == MailParameters.Utf8.NOT_REQUESTED) {
                    return new Refuse(SmtpReply.UTF8_NOT_DECLARED, "utf8_not_declared"); // RFC 6531 §3.4
                }
                if (m.hostKind() == Paths.HostKind.ADDRESS_LITERAL) {
                    return new Refuse(SmtpReply.RELAY_DENIED, "address_literal");
                }
                try {
                    address = new EmailAddress(m.localPart(), Domain.parse(m.host()));
                } catch (IllegalArgumentException e) {
                    return new Refuse(SmtpReply.BAD_RECIPIENT_SYNTAX, "syntax");
                }
                if (m.looksRouted()) {
                    if (directory.isLocalDomain(address.domain()) && directory.user(address).isPresent()) {
                        return accept(session, tx, address, params, directory.resolve(address));
                    }
                    return relay(session, address, params, directory, "routed_local_part");
                }
            }
            case Paths.NullPath n -> {
                return new Refuse(SmtpReply.BAD_RECIPIENT_SYNTAX, "null_path");
            }
        }
        // Directory.resolve answers only for local domains, so the common case costs one lookup
        Recipients resolved = directory.resolve(address);
        if (resolved.isEmpty()) {
            return directory.isLocalDomain(address.domain())
                    ? new Refuse(SmtpReply.USER_UNKNOWN, "unknown_user")
                    : relay(session, address, params, directory, "relay");
        }
        return accept(session, tx, address, params, resolved);
    }

    /** A recipient outside our domains: relaying, allowed only for authenticated clients with a router. */
    private static Decision relay(SmtpSession session, EmailAddress address, RcptParameters params,
                                  Directory directory, String reason) {
        if (session.isAuthenticated() && !directory.isLocalDomain(address.domain())) {
            return session.server().router().isPresent()
                    ? new Accept(new Recipient(address, params, List.of(), List.of(address)))
                    : new Refuse(SmtpReply.FORWARDING_UNAVAILABLE, "no_router");
        }
        return new Refuse(SmtpReply.RELAY_DENIED, reason);
    }

    private static Decision accept(SmtpSession session, Transaction tx, EmailAddress address, RcptParameters params,
                                   Recipients resolved) {
        if (resolved.isEmpty()) {
            return new Refuse(SmtpReply.USER_UNKNOWN, "unknown_user");
        }
        if (!resolved.forward().isEmpty() && session.server().router().isEmpty()) {
            return new Refuse(SmtpReply.FORWARDING_UNAVAILABLE, "no_router");
        }
        if (resolved.forward().isEmpty() && allOverQuota(session, resolved.local(), tx)) {
            return new Refuse(SmtpReply.MAILBOX_FULL, "over_quota");
        }
        return new Accept(new Recipient(address, params, resolved.local(), resolved.forward()));
    }

    /** True when every user has a quota that the declared size (or nothing more) would pass. */
    private static boolean allOverQuota(SmtpSession session, List<User> users, Transaction tx) {
        long size = tx.parameters().size().orElse(0);
        for (User u : users) {
            if (u.quotaBytes() <= 0 || session.server().mailboxes().usedBytes(u.id()) + size <= u.quotaBytes()) {
                return false;
            }
        }
        return true;
    }
}
