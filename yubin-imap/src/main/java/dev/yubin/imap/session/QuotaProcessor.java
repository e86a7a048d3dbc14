package dev.yubin.imap.session;

import dev.yubin.imap.command.GetQuotaCommand;
import dev.yubin.imap.command.GetQuotaRootCommand;
import dev.yubin.imap.protocol.ParseException;
import dev.yubin.store.User;
import java.io.IOException;

/**
 * GETQUOTA and GETQUOTAROOT (RFC 9208 §4.3.1-4.3.2): one quota root {@code ""} per user with the
 * STORAGE resource in KiB, from the user's quota and the store's usage.
 */
final class QuotaProcessor {
    private QuotaProcessor() {
    }

    static Result getQuotaRoot(ImapSession s, GetQuotaRootCommand c) throws IOException, ParseException {
        String name = s.mailboxName(c.mailbox());
        if (s.services().store().mailbox(s.user().id(), name).isEmpty()) {
            return Responses.NONEXISTENT;
        }
        User u = currentUser(s);
        s.out().ascii("* QUOTAROOT ").string(s.wireName(name));
        if (u.quotaBytes() > 0) {
            s.out().ascii(" \"\"").crlf();
            quota(s, u);
        } else {
            s.out().crlf();
        }
        return Result.ok("GETQUOTAROOT completed");
    }

    static Result getQuota(ImapSession s, GetQuotaCommand c) throws IOException {
        User u = currentUser(s);
        if (!c.root().isEmpty() || u.quotaBytes() <= 0) {
            return Responses.NO_QUOTA_ROOT;
        }
        quota(s, u);
        return Result.ok("GETQUOTA completed");
    }

    private static User currentUser(ImapSession s) {
        return s.services().directory().user(s.user().id()).orElse(s.user());
    }

    private static void quota(ImapSession s, User u) throws IOException {
        long used = s.services().store().usedBytes(u.id());
        s.out().ascii("* QUOTA \"\" (STORAGE ").number((used + 1023) / 1024).sp().number(u.quotaBytes() / 1024)
                .ch(')').crlf();
    }
}
