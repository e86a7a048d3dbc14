package dev.yubin.testkit.dns;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Header;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** Builds the answer of {@link TestDnsServer} to one query (RFC 1034 §4.3.2 algorithm, simplified). */
final class TestDnsResponder {

    enum Transport { UDP, TCP }

    private static final int MAX_CNAME_CHAIN = 8;
    private static final int CLASSIC_UDP_SIZE = 512;

    private final Map<Name, List<Record>> records;
    private final Set<Name> servfail;
    private final Set<Name> secure;

    TestDnsResponder(Map<Name, List<Record>> records, Set<Name> servfail, Set<Name> secure) {
        this.records = records;
        this.servfail = servfail;
        this.secure = secure;
    }

    /** The wire reply, or null when no reply must be sent (malformed query, or a silent name). */
    byte[] answer(byte[] wire, Transport transport, Set<Name> silent) {
        Message query;
        try {
            query = new Message(wire);
        } catch (IOException e) {
            return null;
        }
        Record question = query.getQuestion();
        if (question != null && silent.contains(question.getName())) {
            return null;
        }
        Message response = new Message(query.getHeader().getID());
        Header h = response.getHeader();
        h.setFlag(Flags.QR);
        h.setFlag(Flags.AA);
        if (query.getHeader().getFlag(Flags.RD)) {
            h.setFlag(Flags.RD);
        }
        OPTRecord opt = query.getOPT();
        int udpSize = opt == null ? CLASSIC_UDP_SIZE : Math.max(CLASSIC_UDP_SIZE, opt.getPayloadSize());
        if (opt != null) {
            response.addRecord(new OPTRecord(1232, 0, 0), Section.ADDITIONAL);
        }
        if (question == null || query.getHeader().getOpcode() != Opcode.QUERY) {
            h.setRcode(question == null ? Rcode.FORMERR : Rcode.NOTIMP);
            return response.toWire();
        }
        response.addRecord(question, Section.QUESTION);
        if (servfail.contains(question.getName())) {
            h.setRcode(Rcode.SERVFAIL);
            return response.toWire();
        }
        boolean wantsAd = query.getHeader().getFlag(Flags.AD)
                || (opt != null && (opt.getFlags() & ExtendedFlags.DO) != 0);
        boolean allSecure = resolve(question, response);
        if (wantsAd && allSecure) {
            h.setFlag(Flags.AD);
        }
        byte[] out = response.toWire();
        if (transport == Transport.UDP && out.length > udpSize) {
            Message truncated = new Message(query.getHeader().getID());
            truncated.getHeader().setFlag(Flags.QR);
            truncated.getHeader().setFlag(Flags.AA);
            truncated.getHeader().setFlag(Flags.TC);
            truncated.addRecord(question, Section.QUESTION);
            return truncated.toWire();
        }
        return out;
    }

    /** Fills the answer and authority sections; true when every name visited is marked secure. */
    private boolean resolve(Record question, Message response) {
        Name current = question.getName();
        int qtype = question.getType();
        boolean allSecure = true;
        for (int hop = 0; hop <= MAX_CNAME_CHAIN; hop++) {
            allSecure &= secure.contains(current);
            List<Record> here = records.getOrDefault(current, List.of());
            List<Record> matching = new ArrayList<>();
            Record cname = null;
            for (Record r : here) {
                if (r.getType() == qtype || qtype == Type.ANY) {
                    matching.add(r);
                } else if (r.getType() == Type.CNAME && cname == null) {
                    cname = r;
                }
            }
            if (!matching.isEmpty()) {
                matching.forEach(r -> response.addRecord(r, Section.ANSWER));
                return allSecure;
            }
            if (cname == null) {
                if (!exists(current)) {
                    response.getHeader().setRcode(Rcode.NXDOMAIN);
                }
                response.addRecord(soa(), Section.AUTHORITY);
                return allSecure;
            }
            response.addRecord(cname, Section.ANSWER);
            current = ((CNAMERecord) cname).getTarget();
        }
        return allSecure;
    }

    /** A name exists if it owns records or is an empty non-terminal above a name that does. */
    private boolean exists(Name name) {
        for (Name owner : records.keySet()) {
            if (!records.get(owner).isEmpty() && owner.subdomain(name)) {
                return true;
            }
        }
        return false;
    }

    private static Record soa() {
        return new SOARecord(Name.root, DClass.IN, 60, Name.fromConstantString("ns.test."),
                Name.fromConstantString("hostmaster.test."), 1, 3600, 600, 86400, 60);
    }
}
