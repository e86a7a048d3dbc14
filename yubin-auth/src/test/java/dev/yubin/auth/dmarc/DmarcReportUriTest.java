package dev.yubin.auth.dmarc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.yubin.auth.dkim.DkimSyntaxException;
import dev.yubin.dns.StaticResolver;
import org.junit.jupiter.api.Test;

class DmarcReportUriTest {

    @Test
    void sizeLimitsArePowersOfTwo() throws Exception {
        DmarcReportUri u = DmarcReportUri.parse("mailto:dmarc@reports.example!10m").orElseThrow();
        assertThat(u.address()).isEqualTo("dmarc@reports.example");
        assertThat(u.maxBytes()).hasValue(10L * 1024 * 1024);
        assertThat(DmarcReportUri.parse("mailto:a@b.example!50k").orElseThrow().maxBytes()).hasValue(50 * 1024);
        assertThat(DmarcReportUri.parse("mailto:a@b.example!100").orElseThrow().maxBytes()).hasValue(100);
        assertThat(DmarcReportUri.parse("MAILTO:a@b.example").orElseThrow().maxBytes()).isEmpty();
        assertThat(DmarcReportUri.parse("mailto:a%40x@b.example").orElseThrow().address()).isEqualTo("a@x@b.example");
    }

    @Test
    void otherSchemesAreIgnoredAndGarbageRefused() throws Exception {
        assertThat(DmarcReportUri.parse("https://reports.example/dmarc")).isEmpty();
        assertThatThrownBy(() -> DmarcReportUri.parse("mailto:nobody")).isInstanceOf(DkimSyntaxException.class);
        assertThatThrownBy(() -> DmarcReportUri.parse("mailto:a@b.example!10x")).isInstanceOf(DkimSyntaxException.class);
    }

    @Test
    void externalDestinationsMustAuthorise() throws Exception {
        StaticResolver dns = StaticResolver.builder()
                .txt("victim.example._report._dmarc.reports.example", "v=DMARC1").build();
        PublicSuffixList psl = PublicSuffixList.bundled();
        DmarcReportUri ext = DmarcReportUri.parse("mailto:d@reports.example").orElseThrow();
        assertThat(ext.authorizedFor("victim.example", dns, psl)).isTrue(); // RFC 7489 §7.1
        assertThat(ext.authorizedFor("other.example", dns, psl)).isFalse();
        DmarcReportUri same = DmarcReportUri.parse("mailto:d@mail.victim.example").orElseThrow();
        assertThat(same.authorizedFor("sub.victim.example", dns, psl)).isTrue(); // same organisational domain
    }

    @Test
    void recordTextReadsBackToTheSameRecord() throws Exception {
        DmarcRecord r = DmarcRecord.parse("v=DMARC1; p=reject; sp=none; adkim=s; pct=50; rua=mailto:a@b.example!10m,"
                + "mailto:c@d.example; ruf=mailto:f@b.example");
        assertThat(DmarcRecord.parse(r.text())).isEqualTo(r);
    }
}
