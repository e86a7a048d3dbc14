package dev.yubin.auth;

import static org.assertj.core.api.Assertions.assertThatCode;

import dev.yubin.auth.arc.ArcVerifier;
import dev.yubin.auth.dkim.DkimKeyRecord;
import dev.yubin.auth.dkim.DkimSignature;
import dev.yubin.auth.dkim.DkimSyntaxException;
import dev.yubin.auth.dkim.DkimVerifier;
import dev.yubin.auth.dmarc.DmarcRecord;
import dev.yubin.auth.dmarc.DmarcVerifier;
import dev.yubin.auth.spf.SpfLimits;
import dev.yubin.auth.spf.SpfVerifier;
import dev.yubin.dns.StaticResolver;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Every parser that sees network input, fed mutated and random input: each either parses or
 * reports a syntax error, never anything else (a bounded stand-in until Jazzer targets exist).
 */
class ParserRobustnessTest {

    private static final String[] SEEDS = {
        "v=1; a=rsa-sha256; c=relaxed/simple; d=example.org; s=s; h=from:to; bh=AAAA; b=AAAA; l=10; t=1; x=2",
        "v=DKIM1; k=ed25519; h=sha256; s=email; t=y:s; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=",
        "v=DMARC1; p=reject; sp=none; adkim=s; aspf=r; pct=50; rua=mailto:a@b.example,mailto:c@d.example",
        "v=spf1 a:%{d2}.x.example/24//64 mx:%{l1r-}.example ptr exists:%{i}.%{v}.e.example include:_s.example "
            + "ip4:192.0.2.0/24 ip6:2001:db8::/32 redirect=%{o} exp=%{d} -all",
        "From: \"A, B\" <a@b.example> (c), d@e.example;\r\nTo: x\r\n\r\nbody",
    };
    private static final String ALPHABET = " \t\r\n;:=/.,%{}<>\"()@-+~?!\\0aZ9\u00ff";

    @Test
    void mutatedInputNeverCrashes() {
        Random random = new Random(20261125);
        StaticResolver dns = StaticResolver.builder().txt("x.example", "v=spf1 -all").build();
        SpfVerifier spf = new SpfVerifier(dns, SpfLimits.RFC7208);
        DkimVerifier dkim = new DkimVerifier(dns);
        ArcVerifier arc = new ArcVerifier(dns);
        DmarcVerifier dmarc = new DmarcVerifier(dns);
        for (int round = 0; round < 1500; round++) {
            String seed = SEEDS[round % SEEDS.length];
            String input = mutate(seed, random);
            assertThatCode(() -> {
                parseQuietly(() -> DkimSignature.parse(new HeaderField("DKIM-Signature", "DKIM-Signature:" + input + "\r\n")));
                parseQuietly(() -> DkimKeyRecord.parse(input));
                parseQuietly(() -> DmarcRecord.parse(input));
                byte[] message = ("DKIM-Signature: " + input + "\r\nARC-Seal: i=1; " + input + "\r\nFrom: " + input
                        + "\r\n\r\n" + input).getBytes(StandardCharsets.ISO_8859_1);
                RawMessage raw = RawMessage.parse(message);
                dkim.verify(raw);
                arc.verify(raw);
                dmarc.evaluate(raw, new DmarcVerifier.SpfEvidence(new dev.yubin.auth.spf.SpfResult.None(""), ""), List.of());
                StaticResolver zone = StaticResolver.builder().txtStrings("t.example", List.of(truncate(input))).build();
                new SpfVerifier(zone, SpfLimits.RFC7208).check(InetAddress.getByName("192.0.2.1"), "a@t.example", "h.example");
                spf.check(InetAddress.getByName("2001:db8::1"), truncate(input), truncate(input));
            }).as("input %s", input).doesNotThrowAnyException();
        }
    }

    private interface Parse {
        void run() throws DkimSyntaxException;
    }

    private static void parseQuietly(Parse p) {
        try {
            p.run();
        } catch (DkimSyntaxException e) {
            // a clear syntax error is the expected outcome for most mutations
        }
    }

    private static String truncate(String s) {
        return s.length() > 255 ? s.substring(0, 255) : s;
    }

    private static String mutate(String seed, Random random) {
        StringBuilder sb = new StringBuilder(seed);
        int edits = 1 + random.nextInt(8);
        for (int i = 0; i < edits; i++) {
            int pos = sb.isEmpty() ? 0 : random.nextInt(sb.length());
            switch (random.nextInt(4)) {
                case 0 -> sb.insert(pos, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                case 1 -> {
                    if (!sb.isEmpty()) {
                        sb.deleteCharAt(pos);
                    }
                }
                case 2 -> {
                    if (!sb.isEmpty()) {
                        sb.setCharAt(pos, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                    }
                }
                default -> sb.insert(pos, sb.substring(pos, Math.min(sb.length(), pos + random.nextInt(20))));
            }
        }
        return sb.toString();
    }
}
