package dev.yubin.store.sql.dmarc;

import dev.yubin.store.dmarc.DmarcEvaluation;
import dev.yubin.store.dmarc.DmarcReportStore;
import dev.yubin.store.sql.SqlAccess;
import dev.yubin.store.sql.SqliteStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link DmarcReportStore} in the embedded store's SQLite database ({@code dmarc_evaluations},
 * migration V45), written through the store's one writer.
 */
public final class SqliteDmarcReportStore implements DmarcReportStore {

    private final SqlAccess sql;

    public SqliteDmarcReportStore(SqliteStore store) {
        this.sql = store.sql();
    }

    @Override
    public void record(DmarcEvaluation e) {
        StringBuilder dkim = new StringBuilder();
        for (DmarcEvaluation.DkimOutcome d : e.dkim()) {
            dkim.append(token(d.domain())).append(' ').append(token(d.selector())).append(' ')
                    .append(token(d.result())).append('\n');
        }
        sql.write(h -> h.createUpdate("INSERT INTO dmarc_evaluations (at, source_ip, header_from, policy_domain,"
                        + " policy_record, disposition, override, dkim_aligned, spf_aligned, dkim, spf_domain, spf_result)"
                        + " VALUES (:at, :ip, :from, :pd, :pr, :disp, :ovr, :da, :sa, :dkim, :sd, :sr)")
                .bind("at", e.at().toEpochMilli()).bind("ip", e.sourceIp()).bind("from", e.headerFrom())
                .bind("pd", e.policyDomain()).bind("pr", e.policyRecord()).bind("disp", e.disposition())
                .bind("ovr", e.override()).bind("da", e.dkimAligned() ? 1 : 0).bind("sa", e.spfAligned() ? 1 : 0)
                .bind("dkim", dkim.toString()).bind("sd", e.spfDomain()).bind("sr", e.spfResult()).execute());
    }

    @Override
    public List<String> policyDomains(Instant before) {
        return sql.read(h -> h.createQuery("SELECT DISTINCT policy_domain FROM dmarc_evaluations WHERE at < :b"
                + " ORDER BY policy_domain").bind("b", before.toEpochMilli()).mapTo(String.class).list());
    }

    @Override
    public List<Stored> evaluations(String policyDomain, Instant before, int max) {
        return sql.read(h -> h.createQuery("SELECT * FROM dmarc_evaluations WHERE policy_domain = :d AND at < :b"
                        + " ORDER BY at, id LIMIT :max")
                .bind("d", policyDomain).bind("b", before.toEpochMilli()).bind("max", max)
                .map((rs, ctx) -> new Stored(rs.getLong("id"), new DmarcEvaluation(
                        Instant.ofEpochMilli(rs.getLong("at")), rs.getString("source_ip"), rs.getString("header_from"),
                        rs.getString("policy_domain"), rs.getString("policy_record"), rs.getString("disposition"),
                        rs.getString("override"), rs.getInt("dkim_aligned") != 0, rs.getInt("spf_aligned") != 0,
                        dkim(rs.getString("dkim")), rs.getString("spf_domain"), rs.getString("spf_result"))))
                .list());
    }

    @Override
    public void delete(List<Long> ids) {
        for (int from = 0; from < ids.size(); from += 500) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            sql.write(h -> h.createUpdate("DELETE FROM dmarc_evaluations WHERE id IN (<ids>)")
                    .bindList("ids", chunk).execute());
        }
    }

    /** A value as one space-free token ("-" for empty). */
    private static String token(String s) {
        return s.isEmpty() ? "-" : s.replaceAll("\\s", "_");
    }

    private static List<DmarcEvaluation.DkimOutcome> dkim(String text) {
        List<DmarcEvaluation.DkimOutcome> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            String[] p = line.split(" ");
            if (p.length == 3) {
                out.add(new DmarcEvaluation.DkimOutcome(p[0], p[1].equals("-") ? "" : p[1], p[2]));
            }
        }
        return out;
    }
}
