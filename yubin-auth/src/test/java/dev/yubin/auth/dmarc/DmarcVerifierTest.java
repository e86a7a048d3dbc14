package dev.yubin.auth.dmarc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.auth.RawMessage;
import dev.yubin.auth.dkim.DkimResult;
import dev.yubin.auth.dmarc.DmarcRecord.Alignment;
import dev.yubin.auth.dmarc.DmarcResult.Disposition;
import dev.yubin.auth.dmarc.DmarcResult.Status;
import dev.yubin.auth.spf.SpfResult;
import dev.yubin.dns.StaticResolver;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DmarcVerifierTest {

    static final StaticResolver DNS = StaticResolver.builder()
            .txt("_dmarc.victim.co.uk", "v=DMARC1; p=reject; sp=quarantine; rua=mailto:d@victim.co.uk")
            .txt("_dmarc.strict.example", "v=DMARC1; p=quarantine; adkim=s; aspf=s")
            .txt("_dmarc.half.example", "v=DMARC1; p=reject; pct=50")
            .txt("_dmarc.none.example", "v=DMARC1; p=none")
            .txt("_dmarc.bad.example", "v=DMARC1; p=bogus")
            .txt("_dmarc.badrua.example", "v=DMARC1; p=bogus; rua=mailto:x@badrua.example")
            .txt("_dmarc.two.example", "v=DMARC1; p=reject")
            .txt("_dmarc.two.example", "v=DMARC1; p=none")
            .txt("_dmarc.other.example", "v=spf1 -all")
            .timeout("_dmarc.flaky.example")
            .build();

    private final DmarcVerifier dmarc = new DmarcVerifier(DNS);

    @ParameterizedTest
    @CsvSource({
        "victim.co.uk, victim.co.uk, RELAXED, true",
        "mail.victim.co.uk, victim.co.uk, RELAXED, true",
        "victim.co.uk, news.victim.co.uk, RELAXED, true",
        "attacker.co.uk, victim.co.uk, RELAXED, false",
        "co.uk, victim.co.uk, RELAXED, false",
        "mail.victim.co.uk, victim.co.uk, STRICT, false",
        "VICTIM.co.uk., victim.co.uk, STRICT, true",
        "example.com, example.net, RELAXED, false",
        "a.b.example.com, c.example.com, RELAXED, true",
        "foo.github.io, bar.github.io, RELAXED, false",
    })
    void alignmentTable(String authenticated, String from, Alignment mode, boolean aligned) {
        assertThat(dmarc.aligned(authenticated, from, mode)).isEqualTo(aligned);
    }

    @ParameterizedTest
    @CsvSource({
        "victim.co.uk, victim.co.uk",
        "a.b.victim.co.uk, victim.co.uk",
        "example.com, example.com",
        "www.example.com, example.com",
        "co.uk, co.uk",
        "foo.bar.github.io, bar.github.io",
        "x.yubin-unknown-tld, x.yubin-unknown-tld",
        "a.x.yubin-unknown-tld, x.yubin-unknown-tld",
        "www.city.kawasaki.jp, city.kawasaki.jp",
        "foo.bar.kawasaki.jp, foo.bar.kawasaki.jp",
    })
    void organisationalDomains(String domain, String org) {
        assertThat(PublicSuffixList.bundled().organizationalDomain(domain)).isEqualTo(org);
    }

    private static DkimResult dkimPass(String d) {
        return new DkimResult(DkimResult.Status.PASS, d, "s", "@" + d, "ed25519-sha256", "abc", "", false);
    }

    private static DmarcVerifier.SpfEvidence spf(SpfResult r, String domain) {
        return new DmarcVerifier.SpfEvidence(r, domain);
    }

    private static final DmarcVerifier.SpfEvidence NO_SPF = spf(new SpfResult.None("none"), "");

    @Test
    void alignedDkimOrSpfPasses() {
        DmarcResult r = dmarc.evaluate("victim.co.uk", NO_SPF, List.of(dkimPass("mail.victim.co.uk")));
        assertThat(r.status()).isEqualTo(Status.PASS);
        assertThat(r.dkimAligned()).isTrue();
        DmarcResult s = dmarc.evaluate("victim.co.uk", spf(new SpfResult.Pass("ip4:1.2.3.4"), "bounce.victim.co.uk"), List.of());
        assertThat(s.status()).isEqualTo(Status.PASS);
        assertThat(s.spfAligned()).isTrue();
    }

    @Test
    void unalignedPassesFailAndPolicyApplies() {
        DmarcResult r = dmarc.evaluate("victim.co.uk", spf(new SpfResult.Pass("a"), "attacker.co.uk"),
                List.of(dkimPass("attacker.co.uk")));
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.disposition()).isEqualTo(Disposition.REJECT);
        DmarcResult failedSpf = dmarc.evaluate("victim.co.uk", spf(new SpfResult.Fail("-all", java.util.Optional.empty()),
                "victim.co.uk"), List.of());
        assertThat(failedSpf.status()).isEqualTo(Status.FAIL);
    }

    @Test
    void subdomainPolicyFromOrganisationalDomain() {
        DmarcResult r = dmarc.evaluate("shop.victim.co.uk", NO_SPF, List.of());
        assertThat(r.recordDomain()).isEqualTo("victim.co.uk");
        assertThat(r.policy()).isEqualTo(DmarcRecord.Policy.QUARANTINE);
        assertThat(r.disposition()).isEqualTo(Disposition.QUARANTINE);
    }

    @Test
    void strictModeNeedsExactDomains() {
        DmarcResult r = dmarc.evaluate("strict.example", spf(new SpfResult.Pass("a"), "mail.strict.example"),
                List.of(dkimPass("mail.strict.example")));
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(dmarc.evaluate("strict.example", NO_SPF, List.of(dkimPass("strict.example"))).status())
                .isEqualTo(Status.PASS);
    }

    @Test
    void pctSamplesThePolicy() {
        DmarcVerifier low = new DmarcVerifier(DNS, PublicSuffixList.bundled(), fixed(10));
        DmarcVerifier high = new DmarcVerifier(DNS, PublicSuffixList.bundled(), fixed(90));
        assertThat(low.evaluate("half.example", NO_SPF, List.of()).disposition()).isEqualTo(Disposition.REJECT);
        assertThat(high.evaluate("half.example", NO_SPF, List.of()).disposition()).isEqualTo(Disposition.QUARANTINE);
    }

    @Test
    void recordDiscoveryEdgeCases() {
        assertThat(dmarc.evaluate("none.example", NO_SPF, List.of()).disposition()).isEqualTo(Disposition.ACCEPT);
        assertThat(dmarc.evaluate("bad.example", NO_SPF, List.of()).status()).isEqualTo(Status.NONE);
        assertThat(dmarc.evaluate("badrua.example", NO_SPF, List.of()).policy()).isEqualTo(DmarcRecord.Policy.NONE);
        assertThat(dmarc.evaluate("two.example", NO_SPF, List.of()).status()).isEqualTo(Status.NONE);
        assertThat(dmarc.evaluate("other.example", NO_SPF, List.of()).status()).isEqualTo(Status.NONE);
        assertThat(dmarc.evaluate("nothing.example", NO_SPF, List.of()).status()).isEqualTo(Status.NONE);
        assertThat(dmarc.evaluate("flaky.example", NO_SPF, List.of()).status()).isEqualTo(Status.TEMPERROR);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "From: a@victim.co.uk{CRLF}From: b@victim.co.uk|several From",
        "From: <a@attack.example>, <admin@victim.co.uk>|several addresses",
        "From: a@attack.example, admin@victim.co.uk|several addresses",
        "To: x@y.example|no From",
        "From: undisclosed:;|no address",
        "From: Alice <alice>|without domain",
        "From: Alice <alice@[192.0.2.1]>|not a domain",
    })
    void ambiguousAuthorsAreRejected(String headers, String reason) {
        RawMessage m = RawMessage.parse((headers.replace("{CRLF}", "\r\n") + "\r\nSubject: x\r\n\r\nbody\r\n").getBytes(StandardCharsets.UTF_8));
        DmarcResult r = dmarc.evaluate(m, NO_SPF, List.of(dkimPass("victim.co.uk")));
        assertThat(r.status()).isEqualTo(Status.PERMERROR);
        assertThat(r.disposition()).isEqualTo(Disposition.REJECT);
        assertThat(r.reason()).contains(reason);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "From: \"Smith, Alice\" <alice@victim.co.uk>",
        "From: Alice{CRLF} <alice@victim.co.uk>",
        "From: alice@victim.co.uk (Alice, the <boss>)",
        "From: =?utf-8?q?Alic=C3=A9?= <alice@VICTIM.co.uk>",
        "From: Alice <@route.example:alice@victim.co.uk>",
    })
    void singleAuthorsAreFound(String headers) {
        RawMessage m = RawMessage.parse((headers.replace("{CRLF}", "\r\n") + "\r\n\r\nbody\r\n").getBytes(StandardCharsets.UTF_8));
        assertThat(dmarc.evaluate(m, NO_SPF, List.of(dkimPass("victim.co.uk"))).status()).isEqualTo(Status.PASS);
    }

    private static RandomGenerator fixed(int value) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                return value;
            }

            @Override
            public int nextInt(int bound) {
                return value;
            }
        };
    }
}
