package dev.yubin.store.sql.dmarc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.store.dmarc.DmarcEvaluation;
import dev.yubin.store.dmarc.DmarcReportStore;
import dev.yubin.store.sql.SqliteStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteDmarcReportStoreTest {
    @TempDir
    Path dir;

    private static DmarcEvaluation evaluation(String domain, long at) {
        return new DmarcEvaluation(Instant.ofEpochMilli(at), "192.0.2.1", domain, domain,
                "v=DMARC1; p=reject; rua=mailto:d@" + domain, "reject", "", false, true,
                List.of(new DmarcEvaluation.DkimOutcome("x.example", "sel", "fail"),
                        new DmarcEvaluation.DkimOutcome(domain, "", "pass")), domain, "pass");
    }

    @Test
    void recordsReadsBackAndDeletes() {
        try (SqliteStore store = SqliteStore.open(dir)) {
            DmarcReportStore reports = new SqliteDmarcReportStore(store);
            reports.record(evaluation("b.example", 2000));
            reports.record(evaluation("a.example", 1000));
            reports.record(evaluation("a.example", 3000));
            assertThat(reports.policyDomains(Instant.ofEpochMilli(2500))).containsExactly("a.example", "b.example");
            List<DmarcReportStore.Stored> a = reports.evaluations("a.example", Instant.ofEpochMilli(5000), 10);
            assertThat(a).hasSize(2);
            assertThat(a.get(0).evaluation()).isEqualTo(evaluation("a.example", 1000));
            reports.delete(a.stream().map(DmarcReportStore.Stored::id).toList());
            assertThat(reports.policyDomains(Instant.ofEpochMilli(5000))).containsExactly("b.example");
        }
    }
}
