package dev.yubin.imap.session;

/** The CAPABILITY list for the session's current state (RFC 9051 §7.2.2). */
final class Capabilities {
    private static final String COMMON = "IMAP4rev1 IMAP4rev2 LITERAL+ ID ENABLE IDLE";
    private static final String AFTER_LOGIN = " NAMESPACE UNSELECT UIDPLUS MOVE CHILDREN SPECIAL-USE"
            + " CREATE-SPECIAL-USE LIST-EXTENDED LIST-STATUS ESEARCH SEARCHRES SORT THREAD=REFERENCES"
            + " THREAD=ORDEREDSUBJECT CONDSTORE QRESYNC BINARY UTF8=ACCEPT QUOTA QUOTA=RES-STORAGE STATUS=SIZE"
            + " MULTIAPPEND WITHIN";

    private Capabilities() {
    }

    static String of(ImapSession s) {
        StringBuilder sb = new StringBuilder(COMMON);
        if (s.state() == ImapSession.State.NOT_AUTHENTICATED) {
            if (s.services().tls().isPresent() && !s.connection().isSecure()) {
                sb.append(" STARTTLS");
            }
            if (s.cleartextAllowed()) {
                sb.append(" SASL-IR");
                for (String m : Authentication.mechanisms(s)) {
                    sb.append(" AUTH=").append(m);
                }
            } else {
                sb.append(" LOGINDISABLED"); // RFC 9051 §6.2.3
            }
        } else {
            sb.append(AFTER_LOGIN).append(" APPENDLIMIT=").append(s.services().settings().maxMessageBytes());
            if (!s.compressed()) {
                sb.append(" COMPRESS=DEFLATE");
            }
        }
        return sb.toString();
    }
}
