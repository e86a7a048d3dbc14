package dev.yubin.smtp.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.auth.AuthVerdict;
import dev.yubin.auth.arc.ArcResult;
import dev.yubin.auth.dmarc.DmarcRecord;
import dev.yubin.auth.dmarc.DmarcResult;
import dev.yubin.auth.spf.SpfResult;
import dev.yubin.store.dmarc.DmarcEvaluation;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What is kept for the aggregate report (RFC 7489 §7.2), above all the policy override reasons. */
class DmarcRecordingTest {
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_795_600_000L), ZoneOffset.UTC);

    private static AuthVerdict verdict(String record, DmarcResult.Status status, DmarcResult.Disposition dmarc,
                                       AuthVerdict.Disposition applied, ArcResult.Status arc) throws Exception {
        DmarcRecord r = DmarcRecord.parse(record);
        DmarcResult d = new DmarcResult(status, "sender.example", Optional.of(r), "sender.example", r.policy(), dmarc,
                false, false, "");
        return new AuthVerdict(new SpfResult.Fail("-all", Optional.empty()), List.of(), d,
                new ArcResult(arc, arc == ArcResult.Status.NONE ? 0 : 1, "", "fwd.example"),
                "Authentication-Results: mx; none\r\n", applied, "", "mx");
    }

    private static DmarcEvaluation evaluation(AuthVerdict v) throws Exception {
        return DmarcRecording.evaluation(InetAddress.getByName("192.0.2.9"), "helo.example", "a@bounce.example", v,
                CLOCK).orElseThrow();
    }

    @Test
    void rejectedFailureHasNoOverride() throws Exception {
        DmarcEvaluation e = evaluation(verdict("v=DMARC1; p=reject; rua=mailto:d@sender.example",
                DmarcResult.Status.FAIL, DmarcResult.Disposition.REJECT, AuthVerdict.Disposition.REJECT,
                ArcResult.Status.NONE));
        assertThat(e.disposition()).isEqualTo("reject");
        assertThat(e.override()).isEmpty();
        assertThat(e.spfDomain()).isEqualTo("bounce.example");
        assertThat(e.spfResult()).isEqualTo("fail");
        assertThat(e.at()).isEqualTo(CLOCK.instant());
        assertThat(DmarcRecord.parse(e.policyRecord()).aggregateReportUris()).containsExactly("mailto:d@sender.example");
    }

    @Test
    void overridesAreNamed() throws Exception {
        assertThat(evaluation(verdict("v=DMARC1; p=reject; pct=10; rua=mailto:d@sender.example",
                DmarcResult.Status.FAIL, DmarcResult.Disposition.QUARANTINE, AuthVerdict.Disposition.QUARANTINE,
                ArcResult.Status.NONE)).override()).isEqualTo("sampled_out");
        assertThat(evaluation(verdict("v=DMARC1; p=reject; rua=mailto:d@sender.example",
                DmarcResult.Status.FAIL, DmarcResult.Disposition.REJECT, AuthVerdict.Disposition.ACCEPT,
                ArcResult.Status.PASS)).override()).isEqualTo("trusted_forwarder");
        assertThat(evaluation(verdict("v=DMARC1; p=reject; rua=mailto:d@sender.example",
                DmarcResult.Status.FAIL, DmarcResult.Disposition.REJECT, AuthVerdict.Disposition.QUARANTINE,
                ArcResult.Status.NONE)).override()).isEqualTo("local_policy");
    }

    @Test
    void domainsWithoutRuaAreNotKept() throws Exception {
        AuthVerdict v = verdict("v=DMARC1; p=none", DmarcResult.Status.PASS, DmarcResult.Disposition.ACCEPT,
                AuthVerdict.Disposition.ACCEPT, ArcResult.Status.NONE);
        assertThat(DmarcRecording.evaluation(InetAddress.getByName("192.0.2.9"), "h", "", v, CLOCK)).isEmpty();
    }
}
