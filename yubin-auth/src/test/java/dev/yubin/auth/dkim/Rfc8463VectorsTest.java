package dev.yubin.auth.dkim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.auth.RawMessage;
import dev.yubin.dns.StaticResolver;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 8463 Appendix A: the published keys (A.2) and the message signed with both (A.3). */
class Rfc8463VectorsTest {

    static final String ED25519_RECORD = "v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=";
    static final String RSA_RECORD = "v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDkHlOQoBTzWR"
            + "iGs5V6NpP3idY6Wk08a5qhdR6wy5bdOKb2jLQiY/J16JYi0Qvx/byYzCNb3W91y3FutAC"
            + "DfzwQ/BC/e/8uBsCR+yz1Lxj+PL6lHvqMKrM3rG4hstT5QjvHO9PzoxZyVYLzBfO2EeC3"
            + "Ip3G+2kryOTIKT+l/K4w3QIDAQAB";

    static final String SIGNED = String.join("\r\n",
            "DKIM-Signature: v=1; a=ed25519-sha256; c=relaxed/relaxed;",
            " d=football.example.com; i=@football.example.com;",
            " q=dns/txt; s=brisbane; t=1528637909; h=from : to :",
            " subject : date : message-id : from : subject : date;",
            " bh=2jUSOH9NhtVGCQWNr9BrIAPreKQjO6Sn7XIkfJVOzv8=;",
            " b=/gCrinpcQOoIfuHNQIbq4pgh9kyIK3AQUdt9OdqQehSwhEIug4D11Bus",
            " Fa3bT3FY5OsU7ZbnKELq+eXdp1Q1Dw==",
            "DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed;",
            " d=football.example.com; i=@football.example.com;",
            " q=dns/txt; s=test; t=1528637909; h=from : to : subject :",
            " date : message-id : from : subject : date;",
            " bh=2jUSOH9NhtVGCQWNr9BrIAPreKQjO6Sn7XIkfJVOzv8=;",
            " b=F45dVWDfMbQDGHJFlXUNB2HKfbCeLRyhDXgFpEL8GwpsRe0IeIixNTe3",
            " DhCVlUrSjV4BwcVcOF6+FF3Zo9Rpo1tFOeS9mPYQTnGdaSGsgeefOsk2Jz",
            " dA+L10TeYt9BgDfQNZtKdN1WO//KgIqXP7OdEFE4LjFYNcUxZQ4FADY+8=",
            "From: Joe SixPack <joe@football.example.com>",
            "To: Suzie Q <suzie@shopping.example.net>",
            "Subject: Is dinner ready?",
            "Date: Fri, 11 Jul 2003 21:00:37 -0700 (PDT)",
            "Message-ID: <20030712040037.46341.5F8J@football.example.com>",
            "",
            "Hi.",
            "",
            "We lost the game.  Are you hungry yet?",
            "",
            "Joe.",
            "");

    static final StaticResolver DNS = StaticResolver.builder()
            .txt("brisbane._domainkey.football.example.com", ED25519_RECORD)
            .txtStrings("test._domainkey.football.example.com",
                    List.of(RSA_RECORD.substring(0, 200), RSA_RECORD.substring(200)))
            .build();

    @Test
    void bothPublishedSignaturesVerify() {
        List<DkimResult> results = new DkimVerifier(DNS).verify(RawMessage.parse(bytes(SIGNED)));
        assertThat(results).extracting(DkimResult::status).containsExactly(DkimResult.Status.PASS, DkimResult.Status.PASS);
        assertThat(results).extracting(DkimResult::algorithm).containsExactly("ed25519-sha256", "rsa-sha256");
        assertThat(results.get(0).domain()).isEqualTo("football.example.com");
        assertThat(results.get(0).headerB()).isEqualTo("/gCrinpcQOoI");
    }

    @Test
    void bareLineFeedsAreTheSameMessage() {
        byte[] lf = SIGNED.replace("\r\n", "\n").getBytes(StandardCharsets.US_ASCII);
        assertThat(new DkimVerifier(DNS).verify(RawMessage.parse(lf))).allMatch(DkimResult::isPass);
    }

    @Test
    void changedBodyOrHeaderFails() {
        String body = SIGNED.replace("Are you hungry yet?", "Are you hungry now?");
        assertThat(new DkimVerifier(DNS).verify(RawMessage.parse(bytes(body))))
                .allSatisfy(r -> assertThat(r.reason()).contains("body hash"))
                .extracting(DkimResult::status).containsOnly(DkimResult.Status.FAIL);
        String header = SIGNED.replace("Subject: Is dinner ready?", "Subject: Is lunch ready?");
        assertThat(new DkimVerifier(DNS).verify(RawMessage.parse(bytes(header))))
                .extracting(DkimResult::status).containsOnly(DkimResult.Status.FAIL);
    }

    @Test
    void relaxedCanonicalisationToleratesWhitespaceChanges() {
        String reformatted = SIGNED.replace("Subject: Is dinner ready?", "Subject:   Is dinner\r\n   ready?  ")
                .replace("We lost the game.  Are", "We lost the game. \t Are");
        assertThat(new DkimVerifier(DNS).verify(RawMessage.parse(bytes(reformatted)))).allMatch(DkimResult::isPass);
    }

    @Test
    void seedGivesThePublishedPublicKey() throws Exception {
        var priv = DkimKeys.ed25519FromSeed(java.util.Base64.getDecoder().decode("nWGxne/9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A="));
        var sig = java.security.Signature.getInstance("Ed25519");
        sig.initSign(priv);
        sig.update(new byte[] {1, 2, 3});
        byte[] s = sig.sign();
        var pub = DkimKeyRecord.parse(ED25519_RECORD).publicKey().orElseThrow();
        assertThat(DkimCrypto.verify(DkimAlgorithm.RSA_SHA256, pub, new byte[] {1}, s)).isFalse();
        var v = java.security.Signature.getInstance("Ed25519");
        v.initVerify(pub);
        v.update(new byte[] {1, 2, 3});
        assertThat(v.verify(s)).isTrue();
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
