package dev.yubin.imap.session;

/** What the client turned on with ENABLE or by using it (RFC 5161, RFC 7162 §3.1, RFC 9051 §6.3.1). */
public final class Extensions {
    private boolean rev2;
    private boolean utf8;
    private boolean condstore;
    private boolean qresync;

    /** IMAP4rev2 behaviour (RFC 9051 Appendix E): no \Recent, ESEARCH replies, UTF-8 names. */
    public boolean rev2() {
        return rev2;
    }

    /** UTF-8 mailbox names and strings (RFC 6855, implied by IMAP4rev2). */
    public boolean utf8() {
        return utf8 || rev2;
    }

    /** MODSEQ in FETCH responses (RFC 7162 §3.1). */
    public boolean condstore() {
        return condstore || qresync;
    }

    /** VANISHED instead of EXPUNGE (RFC 7162 §3.2). */
    public boolean qresync() {
        return qresync;
    }

    void enableRev2() {
        rev2 = true;
    }

    void enableUtf8() {
        utf8 = true;
    }

    void enableCondstore() {
        condstore = true;
    }

    void enableQresync() {
        qresync = true;
    }
}
