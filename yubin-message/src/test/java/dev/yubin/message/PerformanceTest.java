package dev.yubin.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Rough speed check (bounded work, generous limits because the build machines are shared): indexing a
 * typical 16 KB message and reading back summaries for a large FETCH.
 */
class PerformanceTest {

    static byte[] typical16k() {
        StringBuilder s = new StringBuilder();
        s.append("Received: from mx.example.net (mx.example.net [192.0.2.1])\r\n\tby mail.example.com with ESMTPS id 1\r\n")
                .append("Received: from [10.0.0.2] by mx.example.net\r\n")
                .append("DKIM-Signature: v=1; a=rsa-sha256; d=example.net; s=sel; h=from:to:subject:date;\r\n")
                .append("\tbh=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=; b=").append("A".repeat(340)).append("\r\n")
                .append("Date: Tue, 1 Jul 2003 10:52:37 +0200\r\n")
                .append("From: =?utf-8?q?J=C3=BCrgen_Schmidt?= <juergen@example.net>\r\n")
                .append("To: Alice <alice@example.com>, bob@example.com\r\nCc: \"Team, All\" <team@example.com>\r\n")
                .append("Subject: Re: [proj] =?utf-8?q?Quartalsbericht_f=C3=BCr_Q3?=\r\n")
                .append("Message-ID: <20030701105237.GA1234@example.net>\r\nIn-Reply-To: <prev@example.com>\r\n")
                .append("References: <a@example.com> <b@example.com> <prev@example.com>\r\n")
                .append("MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"=_mixed_123\"\r\n\r\n")
                .append("This is a multi-part message in MIME format.\r\n")
                .append("--=_mixed_123\r\nContent-Type: multipart/alternative; boundary=\"=_alt_456\"\r\n\r\n")
                .append("--=_alt_456\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n");
        for (int i = 0; i < 60; i++) {
            s.append("Hallo zusammen, anbei der Quartalsbericht f=C3=BCr Q3 mit den Zahlen Zeile ").append(i).append("=\r\n.\r\n");
        }
        s.append("--=_alt_456\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n");
        for (int i = 0; i < 60; i++) {
            s.append("<p style=3D\"margin:0\">Hallo zusammen, anbei der <b>Quartalsbericht</b> Zeile ").append(i).append("</p>\r\n");
        }
        s.append("--=_alt_456--\r\n\r\n--=_mixed_123\r\nContent-Type: application/pdf; name=\"report.pdf\"\r\n")
                .append("Content-Disposition: attachment; filename=\"report.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\n");
        while (s.length() < 16_300) {
            s.append("JVBERi0xLjQKJcOkw7zDtsOfCjIgMCBvYmoKPDwvTGVuZ3RoIDMgMCBSL0ZpbHRlci9GbGF0ZURlY29kZT4+CnN0cmVhbQp4\r\n");
        }
        s.append("--=_mixed_123--\r\n");
        return s.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** CPU time of this thread: less disturbed than wall time by other builds on the machine. */
    private static long cpuNanos() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    @Test
    void indexingAndReadingBackAreFast() {
        byte[] raw = typical16k();
        MessageIndexer indexer = Messages.INDEXER;
        IndexedMessage m = indexer.index(raw, 0, raw.length);
        assertThat(m.summary().body().children()).hasSize(2);
        assertThat(indexer.text(raw, 0, raw.length).all()).contains("Quartalsbericht für Q3").contains("Jürgen");
        int rounds = 1500;
        long sink = 0;
        for (int i = 0; i < rounds; i++) {
            sink += indexer.text(raw, 0, raw.length).body().length() + indexer.index(raw, 0, raw.length).mimeDepth();
        }
        long t0 = cpuNanos();
        for (int i = 0; i < rounds; i++) {
            sink += indexer.text(raw, 0, raw.length).body().length() + indexer.index(raw, 0, raw.length).mimeDepth();
        }
        double indexMicros = (cpuNanos() - t0) / 1000.0 / rounds;

        String json = m.summary().toJson();
        for (int i = 0; i < 3000; i++) {
            sink += MessageSummary.fromJson(json).envelope().to().size();
        }
        long t1 = cpuNanos();
        for (int i = 0; i < 10_000; i++) {
            MessageSummary s = MessageSummary.fromJson(json);
            sink += s.envelope().to().size() + s.body().children().size();
        }
        double fetchMillis = (cpuNanos() - t1) / 1e6;
        System.out.printf("event=message.perf size=%d index_us=%.1f json_chars=%d fetch_10000_ms=%.1f sink=%d%n",
                raw.length, indexMicros, json.length(), fetchMillis, sink);
        assertThat(indexMicros).isLessThan(2000);
        assertThat(fetchMillis).isLessThan(5000);
    }
}
