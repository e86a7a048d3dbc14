package dev.yubin.auth.arc;

import dev.yubin.auth.HeaderField;
import dev.yubin.auth.RawMessage;
import dev.yubin.auth.dkim.Canonicalization;
import dev.yubin.auth.dkim.DkimSyntaxException;
import dev.yubin.auth.dkim.TagList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One ARC set (RFC 8617 §4.1): the three header fields of one instance. */
record ArcSet(int instance, HeaderField results, HeaderField messageSignature, HeaderField seal) {

    static final String AAR = "ARC-Authentication-Results";
    static final String AMS = "ARC-Message-Signature";
    static final String AS = "ARC-Seal";
    /** RFC 8617 §4.2.1: instances are 1..50. */
    static final int MAX_INSTANCES = 50;

    private static final Pattern AAR_INSTANCE = Pattern.compile("\\s*i\\s*=\\s*([0-9]{1,3})\\s*;.*", Pattern.DOTALL);

    /** The ARC sets in instance order, or a syntax error for a broken structure (RFC 8617 §5.2 step 3). */
    static List<ArcSet> collect(RawMessage message) throws DkimSyntaxException {
        Map<Integer, HeaderField[]> byInstance = new TreeMap<>();
        for (HeaderField h : message.headers()) {
            int slot;
            int instance;
            if (h.is(AAR)) {
                Matcher m = AAR_INSTANCE.matcher(h.rawValue().replace("\r\n", ""));
                if (!m.matches()) {
                    throw new DkimSyntaxException("ARC-Authentication-Results without i=");
                }
                slot = 0;
                instance = Integer.parseInt(m.group(1));
            } else if (h.is(AMS) || h.is(AS)) {
                String i = TagList.parse(h.rawValue()).get("i");
                if (i == null || !i.matches("[0-9]{1,3}")) {
                    throw new DkimSyntaxException(h.name() + " without valid i=");
                }
                slot = h.is(AMS) ? 1 : 2;
                instance = Integer.parseInt(i);
            } else {
                continue;
            }
            if (instance < 1 || instance > MAX_INSTANCES) {
                throw new DkimSyntaxException("ARC instance out of range: " + instance);
            }
            HeaderField[] set = byInstance.computeIfAbsent(instance, k -> new HeaderField[3]);
            if (set[slot] != null) {
                throw new DkimSyntaxException("duplicate ARC header for i=" + instance); // RFC 8617 §4.2.1
            }
            set[slot] = h;
        }
        List<ArcSet> sets = new ArrayList<>();
        int expected = 1;
        for (Map.Entry<Integer, HeaderField[]> e : byInstance.entrySet()) {
            HeaderField[] f = e.getValue();
            if (e.getKey() != expected++ || f[0] == null || f[1] == null || f[2] == null) {
                throw new DkimSyntaxException("incomplete or non-contiguous ARC set i=" + e.getKey()); // RFC 8617 §5.2
            }
            sets.add(new ArcSet(e.getKey(), f[0], f[1], f[2]));
        }
        return sets;
    }

    /**
     * The data an ARC-Seal of instance {@code upTo} signs (RFC 8617 §5.1.1): AAR, AMS, AS of sets
     * 1..upTo, relaxed, with the b= of the last seal emptied and its CRLF dropped.
     */
    static byte[] sealedData(List<ArcSet> sets, int upTo) {
        StringBuilder sb = new StringBuilder();
        for (ArcSet s : sets) {
            if (s.instance > upTo) {
                break;
            }
            sb.append(Canonicalization.RELAXED.header(s.results));
            sb.append(Canonicalization.RELAXED.header(s.messageSignature));
            if (s.instance < upTo) {
                sb.append(Canonicalization.RELAXED.header(s.seal));
            } else {
                String seal = Canonicalization.relaxedHeader(s.seal.name(), emptyB(s.seal.rawValue()));
                sb.append(seal);
            }
        }
        return sb.toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** The value with b= emptied. */
    static String emptyB(String rawValue) {
        Matcher m = Pattern.compile("(^|;)(\\s*b\\s*=)[^;]*", Pattern.DOTALL).matcher(rawValue);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1) + m.group(2)));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
