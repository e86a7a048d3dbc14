package dev.yubin.auth.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.yubin.auth.RawMessage;
import dev.yubin.auth.dkim.DkimKeys;
import dev.yubin.auth.dkim.DkimResult;
import dev.yubin.auth.dkim.DkimSigner;
import dev.yubin.auth.dkim.DkimSigningKey;
import dev.yubin.auth.dkim.DkimVerifier;
import dev.yubin.auth.spf.SpfLimits;
import dev.yubin.auth.spf.SpfVerifier;
import dev.yubin.testkit.dns.TestDnsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Yubin against independent implementations: python3-dkim verifies what Yubin signs, Yubin
 * verifies what python3-dkim signs, and SPF verdicts agree with python3-spf (pyspf). All DNS goes
 * to the in-process test DNS server. Skipped when /usr/bin/python3 lacks the modules
 * (.ci/run installs python3-dkim, python3-spf, python3-nacl, python3-dnspython).
 */
class IndependentImplementationsTest {

    private static final String PYTHON = "/usr/bin/python3";
    private static TestDnsServer dns;
    private static KeyPair ed;
    private static KeyPair rsa;

    @TempDir
    static Path dir;

    @BeforeAll
    static void setUp() throws Exception {
        assumeTrue(Files.isExecutable(Path.of(PYTHON)) && run(List.of(PYTHON, "-c", "import dkim, spf, nacl, dns.resolver"))
                .exit == 0, "python3-dkim, python3-spf, python3-nacl and dnspython are needed");
        ed = DkimKeys.generateEd25519();
        rsa = DkimKeys.generateRsa2048();
        dns = TestDnsServer.start()
                .txt("ed._domainkey.interop.example", DkimKeys.dnsRecord(ed.getPublic()))
                .txt("rsa._domainkey.interop.example", DkimKeys.dnsRecord(rsa.getPublic()))
                .txt("interop.example", "v=spf1 ip4:192.0.2.0/28 a:mx.interop.example mx include:_inc.interop.example ~all")
                .a("mx.interop.example", "192.0.2.77").aaaa("mx.interop.example", "2001:db8::77")
                .mx("interop.example", 10, "mx2.interop.example").a("mx2.interop.example", "198.51.100.5")
                .txt("_inc.interop.example", "v=spf1 ip6:2001:db8:1::/48 -all")
                .txt("strict.example", "v=spf1 -all")
                .txt("macro.example", "v=spf1 exists:%{ir}.%{l1r-}.rbl.example redirect=interop.example")
                .a("1.2.0.192.bob.rbl.example", "127.0.0.2")
                .txt("broken.example", "v=spf1 ip4:300.1.1.1 -all")
                .txt("twice.example", "v=spf1 -all").txt("twice.example", "v=spf1 +all")
                .txt("helo.example", "v=spf1 a -all").a("helo.example", "192.0.2.200");
    }

    @AfterAll
    static void tearDown() {
        if (dns != null) {
            dns.close();
        }
    }

    private static final String MESSAGE = String.join("\r\n",
            "From: Alice <alice@interop.example>",
            "To: bob@elsewhere.example",
            "Subject: interop   check",
            "Date: Wed, 25 Nov 2026 12:00:00 +0000",
            "Message-ID: <i1@interop.example>",
            "",
            "Body line with  two spaces.  ",
            "",
            "",
            "");

    @Test
    void pythonDkimVerifiesWhatYubinSigns() throws Exception {
        DkimSigner signer = new DkimSigner(List.of(new DkimSigningKey("interop.example", "ed", ed.getPrivate()),
                new DkimSigningKey("interop.example", "rsa", rsa.getPrivate())), Clock.systemUTC());
        String signed = signer.sign(MESSAGE.getBytes(StandardCharsets.UTF_8)) + MESSAGE;
        Path file = dir.resolve("yubin-signed.eml");
        Files.writeString(file, signed, StandardCharsets.UTF_8);
        Result r = tool("dkim-verify", file.toString());
        assertThat(r.out.strip().split("\n")).as(r.err).containsExactly("pass", "pass");
    }

    @Test
    void yubinVerifiesWhatPythonDkimSigns() throws Exception {
        Path msg = dir.resolve("plain.eml");
        Files.writeString(msg, MESSAGE, StandardCharsets.UTF_8);
        Path edKey = dir.resolve("ed.key");
        Files.writeString(edKey, Base64.getEncoder().encodeToString(seed(ed)));
        Path rsaKey = dir.resolve("rsa.key");
        Files.writeString(rsaKey, pkcs1Pem(rsa));
        StringBuilder headers = new StringBuilder();
        for (String[] s : List.of(new String[] {"ed", "ed25519-sha256", "relaxed/relaxed", edKey.toString()},
                new String[] {"rsa", "rsa-sha256", "simple/simple", rsaKey.toString()},
                new String[] {"rsa", "rsa-sha256", "relaxed/simple", rsaKey.toString()})) {
            Result r = tool("dkim-sign", msg.toString(), "interop.example", s[0], s[1], s[2], s[3]);
            assertThat(r.exit).as(r.err).isZero();
            headers.append(r.out.replace("\r\n", "\n").replace("\n", "\r\n"));
        }
        byte[] signed = (headers + MESSAGE).getBytes(StandardCharsets.UTF_8);
        List<DkimResult> results = new DkimVerifier(dns.resolver()).verify(RawMessage.parse(signed));
        assertThat(results).hasSize(3).allSatisfy(x -> assertThat(x.status()).as(x.reason()).isEqualTo(DkimResult.Status.PASS));
    }

    /** opendkim-testmsg can only sign with rsa-sha1, which RFC 8301 §3.1 forbids verifiers to accept. */
    @Test
    void yubinRefusesOpenDkimsRsaSha1Signature() throws Exception {
        assumeTrue(run(List.of("sh", "-c", "command -v opendkim-testmsg")).exit == 0, "opendkim-tools is needed");
        Path msg = dir.resolve("od-plain.eml");
        Files.writeString(msg, MESSAGE, StandardCharsets.UTF_8);
        Path key = dir.resolve("od-rsa.key");
        Files.writeString(key, pkcs1Pem(rsa));
        // OpenDKIM's Ed25519 signing fails in opendkim-testmsg ("Resource unavailable"): RSA only
        Result r = run(List.of("sh", "-c", "exec opendkim-testmsg -C -d interop.example -s rsa -k " + key + " < " + msg));
        assertThat(r.exit).as(r.err).isZero();
        assertThat(r.out).containsIgnoringCase("DKIM-Signature:");
        byte[] signed = r.out.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        List<DkimResult> results = new DkimVerifier(dns.resolver()).verify(RawMessage.parse(signed));
        assertThat(results).hasSize(1).allSatisfy(x -> {
            assertThat(x.algorithm()).isEqualTo("rsa-sha1");
            assertThat(x.status()).isEqualTo(DkimResult.Status.PERMERROR);
            assertThat(x.reason()).contains("RFC 8301");
        });
    }

    /**
     * OpenDKIM verifies with the system resolver, which only asks port 53 of the servers in
     * /etc/resolv.conf: the tool runs in a private mount namespace whose resolv.conf names a test
     * DNS server on 127.0.0.153:53 (root and unshare(1) needed; skipped elsewhere).
     */
    @Test
    void openDkimVerifiesWhatYubinSigns() throws Exception {
        assumeTrue(run(List.of("sh", "-c", "command -v opendkim-testmsg && command -v unshare")).exit == 0,
                "opendkim-tools and unshare are needed");
        assumeTrue(run(List.of("unshare", "-m", "true")).exit == 0, "mount namespaces are not allowed here");
        TestDnsServer port53;
        try {
            port53 = TestDnsServer.start(new java.net.InetSocketAddress(InetAddress.getByName("127.0.0.153"), 53));
        } catch (IOException e) {
            assumeTrue(false, "cannot serve DNS on 127.0.0.153:53: " + e.getMessage());
            return;
        }
        try (port53) {
            port53.txt("rsa._domainkey.interop.example", DkimKeys.dnsRecord(rsa.getPublic()));
            Path resolv = dir.resolve("resolv.conf");
            Files.writeString(resolv, "nameserver 127.0.0.153\noptions attempts:1 timeout:2\n");
            DkimSigner signer = new DkimSigner(List.of(new DkimSigningKey("interop.example", "rsa", rsa.getPrivate())),
                    Clock.systemUTC());
            Path good = dir.resolve("od-verify-good.eml");
            Files.writeString(good, signer.sign(MESSAGE.getBytes(StandardCharsets.UTF_8)) + MESSAGE, StandardCharsets.UTF_8);
            Path bad = dir.resolve("od-verify-bad.eml");
            Files.writeString(bad, Files.readString(good).replace("two spaces", "three spaces"), StandardCharsets.UTF_8);
            String verify = "mount --bind " + resolv + " /etc/resolv.conf && exec opendkim-testmsg < ";
            Result pass = run(List.of("unshare", "-m", "sh", "-c", verify + good));
            assertThat(pass.exit).as(pass.out + pass.err).isZero();
            assertThat((pass.out + pass.err).strip()).isEmpty(); // "no output unless an error occurred"
            Result fail = run(List.of("unshare", "-m", "sh", "-c", verify + bad));
            assertThat(fail.exit != 0 || !(fail.out + fail.err).isBlank()).as("a changed body must not verify").isTrue();
        }
    }

    @Test
    void spfVerdictsAgreeWithPyspf() throws Exception {
        List<String> cases = List.of(
                "192.0.2.3 a@interop.example mail.example", "192.0.2.77 a@interop.example mail.example",
                "198.51.100.5 a@interop.example mail.example", "2001:db8::77 a@interop.example mail.example",
                "2001:db8:1::5 a@interop.example mail.example", "203.0.113.1 a@interop.example mail.example",
                "192.0.2.1 a@strict.example mail.example", "192.0.2.1 bob@macro.example mail.example",
                "203.0.113.9 bob@macro.example mail.example", "192.0.2.1 a@broken.example mail.example",
                "192.0.2.1 a@twice.example mail.example", "192.0.2.1 a@nothing.example mail.example",
                "192.0.2.200 - helo.example", "192.0.2.201 - helo.example");
        Path file = dir.resolve("spf-cases.txt");
        Files.writeString(file, String.join("\n", cases) + "\n");
        Result r = tool("spf", file.toString());
        String[] theirs = r.out.strip().split("\n");
        assertThat(theirs).as(r.err).hasSize(cases.size());
        SpfVerifier spf = new SpfVerifier(dns.resolver(), SpfLimits.RFC7208);
        List<String> ours = new ArrayList<>();
        for (String c : cases) {
            String[] p = c.split(" ");
            ours.add(spf.check(InetAddress.getByName(p[0]), p[1].equals("-") ? "" : p[1], p[2]).keyword());
        }
        assertThat(ours).containsExactly(theirs);
    }

    private static byte[] seed(KeyPair kp) throws IOException {
        return ASN1OctetString.getInstance(PrivateKeyInfo.getInstance(kp.getPrivate().getEncoded()).parsePrivateKey()).getOctets();
    }

    private static String pkcs1Pem(KeyPair kp) throws IOException {
        byte[] pkcs1 = PrivateKeyInfo.getInstance(kp.getPrivate().getEncoded()).parsePrivateKey().toASN1Primitive().getEncoded();
        return "-----BEGIN RSA PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(pkcs1)
                + "\n-----END RSA PRIVATE KEY-----\n";
    }

    private record Result(int exit, String out, String err) {
    }

    private static Result tool(String... args) throws Exception {
        Path script = dir.resolve("authtool.py");
        if (!Files.exists(script)) {
            try (InputStream in = IndependentImplementationsTest.class.getResourceAsStream("/interop/authtool.py")) {
                Files.copy(in, script);
            }
        }
        List<String> cmd = new ArrayList<>(List.of(PYTHON, script.toString(), Integer.toString(dns.address().getPort())));
        cmd.addAll(List.of(args));
        return run(cmd);
    }

    private static Result run(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).start();
        p.getOutputStream().close();
        var out = new java.util.concurrent.CompletableFuture<String>();
        var err = new java.util.concurrent.CompletableFuture<String>();
        Thread.ofVirtual().start(() -> out.complete(read(p.getInputStream())));
        Thread.ofVirtual().start(() -> err.complete(read(p.getErrorStream())));
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + cmd);
        }
        return new Result(p.exitValue(), out.get(5, TimeUnit.SECONDS), err.get(5, TimeUnit.SECONDS));
    }

    private static String read(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
