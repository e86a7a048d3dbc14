package dev.yubin.auth.dmarc;

import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One DMARC aggregate report (RFC 7489 §7.2, XML schema of Appendix C) for one policy domain and
 * one period, built from rows of evaluations grouped by source address and outcome. Pure: the
 * caller collects rows (e.g. from each inbound {@code AuthVerdict}), stores them, and mails the
 * XML (gzip-compressed) to the rua= addresses of {@link #policy()}.
 */
public record DmarcAggregateReport(String orgName, String reporterEmail, String reportId, Instant begin, Instant end,
                                   String policyDomain, DmarcRecord policy, List<Row> rows) {

    /**
     * Messages with the same source and results (RFC 7489 Appendix C "RecordType"); {@code override}
     * is the PolicyOverrideType when the applied disposition differs from the policy (e.g.
     * "trusted_forwarder", "sampled_out", "local_policy"), "" otherwise.
     */
    public record Row(InetAddress sourceIp, int count, DmarcResult.Disposition disposition, boolean dkimAligned,
                      boolean spfAligned, String headerFrom, List<AuthResult> dkim, AuthResult spf, String override) {
        public Row {
            dkim = List.copyOf(dkim);
            Objects.requireNonNull(spf);
            Objects.requireNonNull(override);
            if (count < 1) {
                throw new IllegalArgumentException("count must be positive");
            }
        }

        public Row(InetAddress sourceIp, int count, DmarcResult.Disposition disposition, boolean dkimAligned,
                   boolean spfAligned, String headerFrom, List<AuthResult> dkim, AuthResult spf) {
            this(sourceIp, count, disposition, dkimAligned, spfAligned, headerFrom, dkim, spf, "");
        }
    }

    /** A DKIM or SPF result for the report: domain, result word, and DKIM selector ("" for SPF). */
    public record AuthResult(String domain, String result, String selector) {
    }

    public DmarcAggregateReport {
        rows = List.copyOf(rows);
        Objects.requireNonNull(policy);
    }

    /** The report as RFC 7489 Appendix C XML. */
    public String xml() {
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feedback>\n");
        x.append("  <report_metadata>\n");
        element(x, 4, "org_name", orgName);
        element(x, 4, "email", reporterEmail);
        element(x, 4, "report_id", reportId);
        x.append("    <date_range>\n");
        element(x, 6, "begin", Long.toString(begin.getEpochSecond()));
        element(x, 6, "end", Long.toString(end.getEpochSecond()));
        x.append("    </date_range>\n  </report_metadata>\n  <policy_published>\n");
        element(x, 4, "domain", policyDomain);
        element(x, 4, "adkim", policy.dkimAlignment() == DmarcRecord.Alignment.STRICT ? "s" : "r");
        element(x, 4, "aspf", policy.spfAlignment() == DmarcRecord.Alignment.STRICT ? "s" : "r");
        element(x, 4, "p", policy.policy().keyword());
        element(x, 4, "sp", policy.subdomainPolicy().orElse(policy.policy()).keyword());
        element(x, 4, "pct", Integer.toString(policy.percent()));
        x.append("  </policy_published>\n");
        for (Row r : rows) {
            x.append("  <record>\n    <row>\n");
            element(x, 6, "source_ip", r.sourceIp().getHostAddress());
            element(x, 6, "count", Integer.toString(r.count()));
            x.append("      <policy_evaluated>\n");
            element(x, 8, "disposition", switch (r.disposition()) {
                case ACCEPT -> "none";
                case QUARANTINE -> "quarantine";
                case REJECT -> "reject";
            });
            element(x, 8, "dkim", r.dkimAligned() ? "pass" : "fail");
            element(x, 8, "spf", r.spfAligned() ? "pass" : "fail");
            if (!r.override().isEmpty()) {
                x.append("        <reason>\n");
                element(x, 10, "type", r.override());
                x.append("        </reason>\n");
            }
            x.append("      </policy_evaluated>\n    </row>\n    <identifiers>\n");
            element(x, 6, "header_from", r.headerFrom());
            x.append("    </identifiers>\n    <auth_results>\n");
            for (AuthResult d : r.dkim()) {
                x.append("      <dkim>\n");
                element(x, 8, "domain", d.domain());
                if (!d.selector().isEmpty()) {
                    element(x, 8, "selector", d.selector());
                }
                element(x, 8, "result", d.result());
                x.append("      </dkim>\n");
            }
            x.append("      <spf>\n");
            element(x, 8, "domain", r.spf().domain());
            element(x, 8, "scope", "mfrom");
            element(x, 8, "result", r.spf().result());
            x.append("      </spf>\n    </auth_results>\n  </record>\n");
        }
        return x.append("</feedback>\n").toString();
    }

    private static void element(StringBuilder x, int indent, String name, String value) {
        x.append(" ".repeat(indent)).append('<').append(name).append('>').append(escape(value))
                .append("</").append(name).append(">\n");
    }

    private static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(c < 0x20 ? ' ' : c);
            }
        }
        return sb.toString();
    }
}
