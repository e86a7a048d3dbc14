package dev.yubin.auth.bench;

import dev.yubin.auth.RawMessage;
import dev.yubin.auth.dkim.DkimKeys;
import dev.yubin.auth.dkim.DkimResult;
import dev.yubin.auth.dkim.DkimSigner;
import dev.yubin.auth.dkim.DkimSigningKey;
import dev.yubin.auth.dkim.DkimVerifier;
import dev.yubin.dns.StaticResolver;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.util.List;

/**
 * DKIM signing and verification rates on one thread (= per core), for bench/dkim/run: RSA-2048
 * and Ed25519, 2 KB and 50 KB messages. Keys come from a static in-memory zone, so the figures
 * are crypto + canonicalisation + parsing, no DNS. Each rate is given twice: per wall-clock second
 * and per second of the thread's CPU time (the per-core figure, which holds up when other work
 * shares the machine). Usage: DkimBench [seconds per measurement].
 */
public final class DkimBench {

    private DkimBench() {
    }

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
        System.out.printf("%-8s %6s %12s %12s %16s   %s%n", "alg", "size", "sign/s", "verify/s", "sign+verify/s",
                "(per CPU second: sign, verify, sign+verify)");
        for (String alg : List.of("ed25519", "rsa2048")) {
            KeyPair kp = alg.equals("ed25519") ? DkimKeys.generateEd25519() : DkimKeys.generateRsa2048();
            StaticResolver dns = StaticResolver.builder()
                    .txt("bench._domainkey.bench.example", DkimKeys.dnsRecord(kp.getPublic())).build();
            DkimSigner signer = new DkimSigner(List.of(new DkimSigningKey("bench.example", "bench", kp.getPrivate())),
                    Clock.systemUTC());
            DkimVerifier verifier = new DkimVerifier(dns);
            for (int size : new int[] {2 * 1024, 50 * 1024}) {
                byte[] message = message(size);
                byte[] signed = (signer.sign(message) + new String(message, StandardCharsets.ISO_8859_1))
                        .getBytes(StandardCharsets.ISO_8859_1);
                // warm-up as long as the measurement: on a busy machine the JIT needs seconds to finish
                rate(() -> signer.sign(message), seconds);
                rate(() -> verifier.verify(RawMessage.parse(signed)), seconds);
                double[] sign = rate(() -> signer.sign(message), seconds);
                double[] verify = rate(() -> {
                    List<DkimResult> r = verifier.verify(RawMessage.parse(signed));
                    if (!r.get(0).isPass()) {
                        throw new IllegalStateException("verification failed: " + r);
                    }
                }, seconds);
                System.out.printf("%-8s %5dK %12.0f %12.0f %16.0f   (%.0f, %.0f, %.0f)%n", alg, size / 1024, sign[0],
                        verify[0], 1 / (1 / sign[0] + 1 / verify[0]), sign[1], verify[1], 1 / (1 / sign[1] + 1 / verify[1]));
            }
        }
    }

    /** Operations per wall-clock second and per second of this thread's CPU time. */
    private static double[] rate(Runnable op, double seconds) {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        long start = System.nanoTime();
        long cpuStart = mx.getCurrentThreadCpuTime();
        long n = 0;
        do {
            op.run();
            n++;
        } while (System.nanoTime() < deadline);
        return new double[] {n / ((System.nanoTime() - start) / 1e9), n / ((mx.getCurrentThreadCpuTime() - cpuStart) / 1e9)};
    }

    private static byte[] message(int size) {
        StringBuilder sb = new StringBuilder("From: Bench <bench@bench.example>\r\nTo: someone@else.example\r\n"
                + "Subject: benchmark message\r\nDate: Wed, 25 Nov 2026 12:00:00 +0000\r\n"
                + "Message-ID: <bench@bench.example>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\n");
        String line = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.\r\n";
        while (sb.length() < size) {
            sb.append(line);
        }
        return sb.substring(0, size - 2).concat("\r\n").getBytes(StandardCharsets.US_ASCII);
    }
}
