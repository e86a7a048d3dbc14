package dev.yubin.imap.session;

import dev.yubin.imap.protocol.ResponseWriter;
import dev.yubin.message.Address;
import dev.yubin.message.BodyPart;
import dev.yubin.message.Envelope;
import dev.yubin.message.Param;
import dev.yubin.store.MessageRecord;
import java.io.IOException;
import java.util.List;

/** Encoders for FETCH data: FLAGS, ENVELOPE, BODY and BODYSTRUCTURE (RFC 9051 §7.5.2). */
final class FetchResponses {
    /** Which extra items an unsolicited FLAGS response carries. */
    enum Include { UNSOLICITED, WITH_UID }

    private FetchResponses() {
    }

    /** {@code * n FETCH (FLAGS (...) [UID u] [MODSEQ (m)])}. */
    static void flags(ImapSession s, int seq, MessageRecord r, Include include) throws IOException {
        ResponseWriter w = s.out();
        w.ascii("* ").number(seq).ascii(" FETCH (");
        flagList(s, w, r);
        // RFC 7162 §3.2.4: with QRESYNC, unsolicited FETCH carries the UID
        if (include == Include.WITH_UID || s.extensions().qresync()) {
            w.ascii(" UID ").number(r.uid());
        }
        if (s.extensions().condstore()) {
            w.ascii(" MODSEQ (").number(r.modSeq()).ch(')');
        }
        w.ch(')').crlf();
    }

    /** {@code FLAGS (\Seen ...)}, with \Recent for IMAP4rev1 sessions (RFC 3501 §2.3.2). */
    static void flagList(ImapSession s, ResponseWriter w, MessageRecord r) throws IOException {
        w.ascii("FLAGS (");
        boolean first = true;
        for (String f : r.flags()) {
            if (!first) {
                w.sp();
            }
            w.ascii(f);
            first = false;
        }
        SelectedMailbox v = s.selected();
        if (!s.extensions().rev2() && v != null && v.isRecent(r.uid())) {
            if (!first) {
                w.sp();
            }
            w.ascii("\\Recent");
        }
        w.ch(')');
    }

    static void envelope(ResponseWriter w, Envelope e) throws IOException {
        w.ch('(').nstring(e.date()).sp().nstring(e.subject()).sp();
        addresses(w, e.from());
        w.sp();
        addresses(w, e.sender());
        w.sp();
        addresses(w, e.replyTo());
        w.sp();
        addresses(w, e.to());
        w.sp();
        addresses(w, e.cc());
        w.sp();
        addresses(w, e.bcc());
        w.sp().nstring(e.inReplyTo()).sp().nstring(e.messageId()).ch(')');
    }

    private static void addresses(ResponseWriter w, List<Address> list) throws IOException {
        if (list.isEmpty()) {
            w.nil();
            return;
        }
        w.ch('(');
        for (Address a : list) {
            w.ch('(').nstring(a.name()).sp().nstring(a.adl()).sp().nstring(a.mailbox()).sp().nstring(a.host())
                    .ch(')');
        }
        w.ch(')');
    }

    /** BODY ({@code extended == false}) or BODYSTRUCTURE. */
    static void body(ResponseWriter w, BodyPart p, boolean extended) throws IOException {
        w.ch('(');
        if (p.isMultipart()) {
            for (BodyPart c : p.children()) {
                body(w, c, extended);
            }
            w.sp().string(p.subtype());
            if (extended) {
                w.sp();
                params(w, p.params());
                w.sp();
                disposition(w, p);
                w.sp();
                language(w, p.language());
                w.sp().nstring(p.location());
            }
            w.ch(')');
            return;
        }
        w.string(p.type()).sp().string(p.subtype()).sp();
        params(w, p.params());
        w.sp().nstring(p.id()).sp().nstring(p.description()).sp().string(p.encoding()).sp().number(p.size());
        if (p.isMessage()) {
            w.sp();
            envelope(w, p.envelope() == null ? Envelope.EMPTY : p.envelope());
            w.sp();
            body(w, p.message(), extended);
            w.sp().number(p.lines());
        } else if (p.type().equals("text")) {
            w.sp().number(p.lines());
        }
        if (extended) {
            w.sp().nstring(p.md5()).sp();
            disposition(w, p);
            w.sp();
            language(w, p.language());
            w.sp().nstring(p.location());
        }
        w.ch(')');
    }

    private static void params(ResponseWriter w, List<Param> params) throws IOException {
        if (params.isEmpty()) {
            w.nil();
            return;
        }
        w.ch('(');
        boolean first = true;
        for (Param p : params) {
            if (!first) {
                w.sp();
            }
            w.string(p.name()).sp().string(p.value());
            first = false;
        }
        w.ch(')');
    }

    private static void disposition(ResponseWriter w, BodyPart p) throws IOException {
        if (p.disposition() == null) {
            w.nil();
            return;
        }
        w.ch('(').string(p.disposition()).sp();
        params(w, p.dispositionParams());
        w.ch(')');
    }

    private static void language(ResponseWriter w, List<String> langs) throws IOException {
        if (langs.isEmpty()) {
            w.nil();
            return;
        }
        w.ch('(');
        for (int i = 0; i < langs.size(); i++) {
            if (i > 0) {
                w.sp();
            }
            w.string(langs.get(i));
        }
        w.ch(')');
    }
}
