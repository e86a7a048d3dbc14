package dev.yubin.auth.dmarc;

import dev.yubin.auth.dkim.DkimSyntaxException;
import dev.yubin.auth.dkim.TagList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A DMARC policy record (RFC 7489 §6.3). Tags other than v, p, sp, adkim, aspf, pct, rua, ruf,
 * fo, rf, ri are ignored (§6.3: unknown tags MUST be ignored).
 */
public record DmarcRecord(Policy policy, Optional<Policy> subdomainPolicy, Alignment dkimAlignment,
                          Alignment spfAlignment, int percent, List<String> aggregateReportUris,
                          List<String> failureReportUris) {

    /** p= / sp= values. */
    public enum Policy {
        NONE, QUARANTINE, REJECT;

        static Optional<Policy> parse(String s) {
            return switch (s.toLowerCase(Locale.ROOT)) {
                case "none" -> Optional.of(NONE);
                case "quarantine" -> Optional.of(QUARANTINE);
                case "reject" -> Optional.of(REJECT);
                default -> Optional.empty();
            };
        }

        /** The next weaker policy, applied to messages outside the pct= sample (RFC 7489 §6.6.4). */
        Policy weaker() {
            return this == REJECT ? QUARANTINE : NONE;
        }

        public String keyword() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** adkim= / aspf= values (RFC 7489 §3.1). */
    public enum Alignment { RELAXED, STRICT }

    public DmarcRecord {
        aggregateReportUris = List.copyOf(aggregateReportUris);
        failureReportUris = List.copyOf(failureReportUris);
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("pct out of range");
        }
    }

    /** True if {@code txt} starts a DMARC record (RFC 7489 §6.6.3 step 3: "v=DMARC1" first). */
    static boolean isDmarc1(String txt) {
        String t = txt.strip();
        if (!t.regionMatches(true, 0, "v", 0, 1)) {
            return false;
        }
        int semi = t.indexOf(';');
        String first = (semi < 0 ? t : t.substring(0, semi)).replace(" ", "").replace("\t", "");
        return first.equals("v=DMARC1");
    }

    /** The record as canonical text that {@link #parse} reads back to an equal record (e.g. to store it). */
    public String text() {
        StringBuilder sb = new StringBuilder("v=DMARC1; p=").append(policy.keyword());
        subdomainPolicy.ifPresent(sp -> sb.append("; sp=").append(sp.keyword()));
        sb.append("; adkim=").append(dkimAlignment == Alignment.STRICT ? 's' : 'r');
        sb.append("; aspf=").append(spfAlignment == Alignment.STRICT ? 's' : 'r');
        sb.append("; pct=").append(percent);
        if (!aggregateReportUris.isEmpty()) {
            sb.append("; rua=").append(String.join(",", aggregateReportUris));
        }
        if (!failureReportUris.isEmpty()) {
            sb.append("; ruf=").append(String.join(",", failureReportUris));
        }
        return sb.toString();
    }

    public static DmarcRecord parse(String txt) throws DkimSyntaxException {
        if (!isDmarc1(txt)) {
            throw new DkimSyntaxException("not a DMARC1 record");
        }
        Map<String, String> t = TagList.parse(txt);
        Optional<Policy> p = t.containsKey("p") ? Policy.parse(t.get("p")) : Optional.empty();
        List<String> rua = uris(t.get("rua"));
        if (p.isEmpty()) {
            if (rua.isEmpty()) {
                throw new DkimSyntaxException("missing or invalid p="); // RFC 7489 §6.6.3 step 6
            }
            p = Optional.of(Policy.NONE); // RFC 7489 §6.6.3: a valid rua= with a bad p= means p=none
        }
        Optional<Policy> sp = t.containsKey("sp") ? Policy.parse(t.get("sp")) : Optional.empty();
        int pct = 100;
        if (t.containsKey("pct")) {
            String v = t.get("pct");
            if (v.matches("[0-9]{1,3}") && Integer.parseInt(v) <= 100) {
                pct = Integer.parseInt(v);
            }
        }
        return new DmarcRecord(p.get(), sp, alignment(t.get("adkim")), alignment(t.get("aspf")), pct, rua,
                uris(t.get("ruf")));
    }

    private static Alignment alignment(String v) {
        return v != null && v.equalsIgnoreCase("s") ? Alignment.STRICT : Alignment.RELAXED;
    }

    private static List<String> uris(String v) {
        if (v == null || v.isBlank()) {
            return List.of();
        }
        return Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
