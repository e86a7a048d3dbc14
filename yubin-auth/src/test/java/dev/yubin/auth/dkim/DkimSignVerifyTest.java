package dev.yubin.auth.dkim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.auth.HeaderField;
import dev.yubin.auth.RawMessage;
import dev.yubin.dns.StaticResolver;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DkimSignVerifyTest {

    static KeyPair rsa;
    static KeyPair ed;
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);
    static final String MESSAGE = String.join("\r\n",
            "From: Alice <alice@example.org>",
            "To: bob@example.net",
            "Subject: Lunch",
            "Date: Wed, 25 Nov 2026 12:00:00 +0000",
            "Message-ID: <1@example.org>",
            "",
            "Shall we meet at noon?",
            "");

    @BeforeAll
    static void keys() {
        rsa = DkimKeys.generateRsa2048();
        ed = DkimKeys.generateEd25519();
    }

    private static StaticResolver dns(String rsaRecord, String edRecord) {
        return StaticResolver.builder()
                .txt("r1._domainkey.example.org", rsaRecord)
                .txt("e1._domainkey.example.org", edRecord)
                .build();
    }

    private static StaticResolver dns() {
        return dns(DkimKeys.dnsRecord(rsa.getPublic()), DkimKeys.dnsRecord(ed.getPublic()));
    }

    private static byte[] signed(String message) {
        DkimSigner signer = new DkimSigner(List.of(new DkimSigningKey("example.org", "r1", rsa.getPrivate()),
                new DkimSigningKey("example.org", "e1", ed.getPrivate())), CLOCK);
        byte[] m = message.getBytes(StandardCharsets.UTF_8);
        return (signer.sign(m) + message).getBytes(StandardCharsets.UTF_8);
    }

    private static List<DkimResult> verify(byte[] message, StaticResolver dns) {
        return new DkimVerifier(dns, CLOCK, DkimVerifier.Limits.DEFAULT).verify(RawMessage.parse(message));
    }

    @Test
    void signsWithBothKeysEd25519FirstAndBothVerify() {
        byte[] m = signed(MESSAGE);
        List<DkimResult> results = verify(m, dns());
        assertThat(results).extracting(DkimResult::algorithm).containsExactly("ed25519-sha256", "rsa-sha256");
        assertThat(results).allMatch(DkimResult::isPass);
        String text = new String(m, StandardCharsets.UTF_8);
        assertThat(text).contains("h=from:from:reply-to:subject:subject:date:date:to:to:");
    }

    @Test
    void oversignedFromForbidsAddingAFrom() {
        String signed = new String(signed(MESSAGE), StandardCharsets.UTF_8);
        String forged = signed.replace("From: Alice", "From: Mallory <m@evil.example>\r\nFrom: Alice");
        assertThat(verify(forged.getBytes(StandardCharsets.UTF_8), dns())).noneMatch(DkimResult::isPass);
        String appended = signed.replace("\r\n\r\nShall", "\r\nReply-To: m@evil.example\r\n\r\nShall");
        assertThat(verify(appended.getBytes(StandardCharsets.UTF_8), dns())).noneMatch(DkimResult::isPass);
    }

    @Test
    void unsignedHeadersMayBeAdded() {
        String signed = new String(signed(MESSAGE), StandardCharsets.UTF_8);
        String withReceived = "Received: from x by y; Wed, 25 Nov 2026 12:00:01 +0000\r\n" + signed
                .replace("\r\n\r\nShall", "\r\nX-Spam: no\r\n\r\nShall");
        assertThat(verify(withReceived.getBytes(StandardCharsets.UTF_8), dns())).allMatch(DkimResult::isPass);
    }

    @Test
    void tamperedBodyFails() {
        String signed = new String(signed(MESSAGE), StandardCharsets.UTF_8).replace("noon", "midnight");
        assertThat(verify(signed.getBytes(StandardCharsets.UTF_8), dns()))
                .extracting(DkimResult::status).containsOnly(DkimResult.Status.FAIL);
    }

    @Test
    void revokedMissingAndTestingKeys() {
        byte[] m = signed(MESSAGE);
        List<DkimResult> revoked = verify(m, dns("v=DKIM1; k=rsa; p=", "v=DKIM1; k=ed25519; p="));
        assertThat(revoked).extracting(DkimResult::status).containsOnly(DkimResult.Status.PERMERROR);
        assertThat(revoked.get(0).reason()).contains("revoked");
        assertThat(verify(m, StaticResolver.builder().build())).extracting(DkimResult::status)
                .containsOnly(DkimResult.Status.PERMERROR);
        assertThat(verify(m, StaticResolver.builder().timeout("e1._domainkey.example.org")
                .timeout("r1._domainkey.example.org").build()))
                .extracting(DkimResult::status).containsOnly(DkimResult.Status.TEMPERROR);
        List<DkimResult> testing = verify(m, dns(DkimKeys.dnsRecord(rsa.getPublic()) + "; t=y",
                DkimKeys.dnsRecord(ed.getPublic()) + "; t=y"));
        assertThat(testing).allMatch(r -> r.isPass() && r.testing());
    }

    @Test
    void keyTypeAndServiceRestrictions() {
        byte[] m = signed(MESSAGE);
        String edAsRsa = DkimKeys.dnsRecord(ed.getPublic()).replace("k=ed25519", "k=rsa");
        assertThat(verify(m, dns(DkimKeys.dnsRecord(rsa.getPublic()) + "; s=other", edAsRsa)))
                .extracting(DkimResult::status).containsOnly(DkimResult.Status.PERMERROR);
        assertThat(verify(m, dns(DkimKeys.dnsRecord(rsa.getPublic()) + "; h=sha1", DkimKeys.dnsRecord(ed.getPublic()))).get(1).status())
                .isEqualTo(DkimResult.Status.PERMERROR);
    }

    @Test
    void rsaSha1AndShortKeysNeverPass() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(768);
        KeyPair small = g.generateKeyPair();
        StaticResolver dns = StaticResolver.builder().txt("s._domainkey.example.org", DkimKeys.dnsRecord(small.getPublic())).build();
        String sha256 = handSigned(MESSAGE, "rsa-sha256", "SHA256withRSA", "relaxed/relaxed", small, "", "SHA-256");
        assertThat(verify(sha256.getBytes(StandardCharsets.UTF_8), dns).get(0).reason()).contains("too short");
        StaticResolver dns2 = StaticResolver.builder().txt("s._domainkey.example.org", DkimKeys.dnsRecord(rsa.getPublic())).build();
        String sha1 = handSigned(MESSAGE, "rsa-sha1", "SHA1withRSA", "relaxed/relaxed", rsa, "", "SHA-1");
        assertThat(verify(sha1.getBytes(StandardCharsets.UTF_8), dns2).get(0).status()).isEqualTo(DkimResult.Status.PERMERROR);
    }

    @Test
    void simpleCanonicalisationIsExact() throws Exception {
        StaticResolver dns = StaticResolver.builder().txt("s._domainkey.example.org", DkimKeys.dnsRecord(rsa.getPublic())).build();
        String m = handSigned(MESSAGE, "rsa-sha256", "SHA256withRSA", "simple/simple", rsa, "", "SHA-256");
        assertThat(verify(m.getBytes(StandardCharsets.UTF_8), dns)).allMatch(DkimResult::isPass);
        String extraBlankLines = m + "\r\n\r\n"; // simple body ignores trailing empty lines
        assertThat(verify(extraBlankLines.getBytes(StandardCharsets.UTF_8), dns)).allMatch(DkimResult::isPass);
        String respaced = m.replace("Subject: Lunch", "Subject:  Lunch");
        assertThat(verify(respaced.getBytes(StandardCharsets.UTF_8), dns)).noneMatch(DkimResult::isPass);
    }

    @Test
    void lengthLimitedSignatureWithAppendedContentIsNotTrusted() throws Exception {
        StaticResolver dns = StaticResolver.builder().txt("s._domainkey.example.org", DkimKeys.dnsRecord(rsa.getPublic())).build();
        int length = Canonicalization.RELAXED.body("Shall we meet at noon?\r\n".getBytes(StandardCharsets.US_ASCII)).length;
        String m = handSigned(MESSAGE, "rsa-sha256", "SHA256withRSA", "relaxed/relaxed", rsa, " l=" + length + ";", "SHA-256");
        assertThat(verify(m.getBytes(StandardCharsets.UTF_8), dns)).allMatch(DkimResult::isPass);
        String appended = m + "Click here: http://evil.example/\r\n";
        DkimResult r = verify(appended.getBytes(StandardCharsets.UTF_8), dns).get(0);
        assertThat(r.status()).isEqualTo(DkimResult.Status.POLICY);
        assertThat(r.reason()).contains("unsigned");
    }

    @Test
    void expiredSignaturesDoNotPass() throws Exception {
        StaticResolver dns = StaticResolver.builder().txt("s._domainkey.example.org", DkimKeys.dnsRecord(rsa.getPublic())).build();
        long past = CLOCK.instant().getEpochSecond() - 10;
        String m = handSigned(MESSAGE, "rsa-sha256", "SHA256withRSA", "relaxed/relaxed", rsa,
                " t=" + (past - 100) + "; x=" + past + ";", "SHA-256");
        DkimResult r = verify(m.getBytes(StandardCharsets.UTF_8), dns).get(0);
        assertThat(r.status()).isEqualTo(DkimResult.Status.PERMERROR);
        assertThat(r.reason()).contains("expired");
    }

    @Test
    void malformedSignaturesArePermErrors() {
        String[] bad = {"v=1; a=rsa-sha256; d=example.org; s=s; h=to; bh=AA==; b=AA==",
            "v=2; a=rsa-sha256; d=example.org; s=s; h=from; bh=AA==; b=AA==",
            "v=1; a=rsa-md5; d=example.org; s=s; h=from; bh=AA==; b=AA==",
            "v=1; a=rsa-sha256; d=example.org; i=x@other.org; s=s; h=from; bh=AA==; b=AA==",
            "v=1; a=rsa-sha256; d=example.org; d=example.org; s=s; h=from; bh=AA==; b=AA==",
            "v=1; a=rsa-sha256; d=example.org; h=from; bh=AA==; b=AA=="};
        for (String b : bad) {
            byte[] m = ("DKIM-Signature: " + b + "\r\n" + MESSAGE).getBytes(StandardCharsets.UTF_8);
            assertThat(verify(m, dns())).singleElement().extracting(DkimResult::status).isEqualTo(DkimResult.Status.PERMERROR);
        }
    }

    /** A signature built by hand (selector s), for algorithms and options the signer never uses. */
    private static String handSigned(String message, String a, String jca, String c, KeyPair key, String extra,
                                     String digest) throws Exception {
        RawMessage raw = RawMessage.parse(message.getBytes(StandardCharsets.UTF_8));
        Canonicalization bc = Canonicalization.fromTag(c.split("/")[1]);
        Canonicalization hc = Canonicalization.fromTag(c.split("/")[0]);
        byte[] body = bc.body(raw.body());
        int len = body.length;
        var lm = java.util.regex.Pattern.compile("l=(\\d+)").matcher(extra);
        if (lm.find()) {
            len = Integer.parseInt(lm.group(1));
        }
        var md = java.security.MessageDigest.getInstance(digest);
        md.update(body, 0, len);
        String unsigned = "DKIM-Signature: v=1; a=" + a + "; c=" + c + "; d=example.org; s=s;" + extra
                + " h=from:to:subject; bh=" + Base64.getEncoder().encodeToString(md.digest()) + "; b=";
        HeaderField f = new HeaderField("DKIM-Signature", unsigned + "\r\n");
        byte[] data = DkimHeaderHash.signedData(raw.headers(), List.of("from", "to", "subject"), hc, f);
        Signature s = Signature.getInstance(jca);
        s.initSign(key.getPrivate());
        s.update(data);
        return unsigned + Base64.getEncoder().encodeToString(s.sign()) + "\r\n" + message;
    }
}
