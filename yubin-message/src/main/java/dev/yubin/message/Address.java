package dev.yubin.message;

/**
 * One address of an IMAP ENVELOPE (RFC 9051 §7.5.2): {@code (name adl mailbox host)}; {@code null}
 * is NIL. Strings are as written in the header (RFC 2047 encoded-words are not decoded).
 *
 * <p>Group syntax: a group start is {@code (NIL NIL "group name" NIL)} and a group end is
 * {@code (NIL NIL NIL NIL)}. A mailbox without a domain gets host {@link #MISSING_HOST} so it is
 * never mistaken for a group marker.
 *
 * @param name display name (phrase, or the comment when there is no phrase), or null
 * @param adl source route ("@a,@b"), or null
 * @param mailbox local part, or the group name for a group start, or null for a group end
 * @param host domain, or null for group markers
 */
public record Address(String name, String adl, String mailbox, String host) {

    /** Host used for a mailbox written without a domain (the UW-IMAP convention). */
    public static final String MISSING_HOST = ".MISSING-HOST-NAME.";

    public static Address groupStart(String groupName) {
        return new Address(null, null, groupName, null);
    }

    public static Address groupEnd() {
        return new Address(null, null, null, null);
    }

    public boolean isGroupStart() {
        return host == null && mailbox != null;
    }

    public boolean isGroupEnd() {
        return host == null && mailbox == null;
    }

    /** {@code mailbox@host} for a mailbox, or null for a group marker. */
    public String addrSpec() {
        return host == null ? null : mailbox + "@" + host;
    }
}
