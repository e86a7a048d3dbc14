package dev.yubin.pop3;

import dev.yubin.store.Mailbox;
import dev.yubin.store.MessageRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * The INBOX as one POP3 session sees it: a snapshot taken at login (RFC 1939 §4: messages are
 * numbered 1..n for the whole session; new arrivals appear at the next login), with the
 * session's deletion marks.
 *
 * <p>Sizes are the stored octets ({@link MessageRecord#size()}), which are the message with
 * CRLF line ends as it is in the maildrop (RFC 1939 §5 LIST): the byte-stuffing added while
 * sending (a "." before lines that start with ".") and the terminating ".CRLF" are not counted,
 * as every POP3 server and client does.
 *
 * <p>UIDs (RFC 1939 §7 UIDL) are {@code <uidvalidity><uid>} in 8+ hex digits each: the same
 * message keeps the same string in every session, and a recreated INBOX (new UIDVALIDITY) never
 * reuses one.
 */
final class Maildrop {
    private final Mailbox mailbox;
    private final List<MessageRecord> messages;
    private final boolean[] deleted;
    private final boolean[] retrieved;
    private String uidlPrefix;

    /** Result of resolving a message-number argument. */
    sealed interface Lookup {
        record Found(int number, MessageRecord message) implements Lookup {
        }

        record Missing(String reply) implements Lookup {
        }
    }

    Maildrop(Mailbox mailbox, List<MessageRecord> messages) {
        this.mailbox = mailbox;
        this.messages = List.copyOf(messages);
        this.deleted = new boolean[messages.size()];
        this.retrieved = new boolean[messages.size()];
    }

    Mailbox mailbox() {
        return mailbox;
    }

    int count() {
        return messages.size();
    }

    MessageRecord message(int number) {
        return messages.get(number - 1);
    }

    boolean isDeleted(int number) {
        return deleted[number - 1];
    }

    /** Parses a message number and checks it names an existing, undeleted message (RFC 1939 §5). */
    Lookup lookup(String arg) {
        int n = parseNumber(arg);
        if (n < 1 || n > messages.size()) {
            return new Lookup.Missing(Pop3Reply.NO_SUCH_MESSAGE);
        }
        if (deleted[n - 1]) {
            return new Lookup.Missing(Pop3Reply.MESSAGE_DELETED); // RFC 1939 §5: MUST NOT refer to deleted
        }
        return new Lookup.Found(n, messages.get(n - 1));
    }

    /** A positive decimal number, or -1. */
    static int parseNumber(String arg) {
        if (arg.isEmpty() || arg.length() > 9) {
            return -1;
        }
        for (int i = 0; i < arg.length(); i++) {
            if (arg.charAt(i) < '0' || arg.charAt(i) > '9') {
                return -1;
            }
        }
        return Integer.parseInt(arg);
    }

    void delete(int number) {
        deleted[number - 1] = true;
    }

    void markRetrieved(int number) {
        retrieved[number - 1] = true;
    }

    /** RFC 1939 §5 RSET: unmark every deleted message. */
    void undeleteAll() {
        java.util.Arrays.fill(deleted, false);
    }

    int liveCount() {
        int n = 0;
        for (boolean d : deleted) {
            n += d ? 0 : 1;
        }
        return n;
    }

    long liveSize() {
        long total = 0;
        for (int i = 0; i < deleted.length; i++) {
            total += deleted[i] ? 0 : messages.get(i).size();
        }
        return total;
    }

    List<Long> deletedUids() {
        List<Long> uids = new ArrayList<>();
        for (int i = 0; i < deleted.length; i++) {
            if (deleted[i]) {
                uids.add(messages.get(i).uid());
            }
        }
        return uids;
    }

    /** Retrieved, not deleted, and not yet \Seen: marked \Seen at QUIT (as Dovecot does). */
    List<Long> newlySeenUids() {
        List<Long> uids = new ArrayList<>();
        for (int i = 0; i < deleted.length; i++) {
            if (retrieved[i] && !deleted[i] && !messages.get(i).hasFlag("\\Seen")) {
                uids.add(messages.get(i).uid());
            }
        }
        return uids;
    }

    /** One {@code "n value"} line per undeleted message (LIST and UIDL scan listings, RFC 1939 §5, §7). */
    List<String> scanListing(java.util.function.IntFunction<String> value) {
        List<String> lines = new ArrayList<>(messages.size());
        for (int i = 1; i <= messages.size(); i++) {
            if (!deleted[i - 1]) {
                lines.add(i + " " + value.apply(i));
            }
        }
        return lines;
    }

    String uidl(int number) {
        if (uidlPrefix == null) {
            uidlPrefix = hex8(mailbox.uidValidity());
        }
        return uidlPrefix + hex8(messages.get(number - 1).uid());
    }

    /** Lower-case hex, zero-padded to at least 8 digits (String.format is slow for 10,000 lines). */
    static String hex8(long v) {
        String h = Long.toHexString(v);
        return h.length() >= 8 ? h : "00000000".substring(h.length()) + h;
    }
}
