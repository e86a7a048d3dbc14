package dev.yubin.auth.dmarc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.zip.GZIPOutputStream;

/**
 * The email that carries an aggregate report (RFC 7489 §7.2.1.1): a multipart/mixed message whose
 * attachment is the gzip-compressed XML ({@code application/gzip}), named
 * {@code receiver!policy-domain!begin!end!id.xml.gz}, with the subject the RFC prescribes.
 */
public final class DmarcReportMessage {

    private DmarcReportMessage() {
    }

    /** The gzip-compressed report XML. */
    public static byte[] gzip(String xml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(xml.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** RFC 7489 §7.2.1.1 file name: {@code receiver "!" policy-domain "!" begin "!" end "!" id ".xml.gz"}. */
    public static String fileName(String receiver, DmarcAggregateReport report) {
        return receiver + "!" + report.policyDomain() + "!" + report.begin().getEpochSecond() + "!"
                + report.end().getEpochSecond() + "!" + report.reportId() + ".xml.gz";
    }

    /**
     * The whole message (CRLF line ends, 7-bit).
     *
     * @param receiver our domain, as in the file name and subject
     * @param from the reporting address (the report's {@code email})
     * @param to the rua address
     */
    public static byte[] build(String receiver, String from, String to, DmarcAggregateReport report, byte[] gzipped) {
        String boundary = "=_dmarc_" + Long.toHexString(report.reportId().hashCode() & 0xffffffffL) + "_"
                + report.begin().getEpochSecond();
        String name = fileName(receiver, report);
        StringBuilder m = new StringBuilder();
        m.append("From: ").append(from).append("\r\n");
        m.append("To: ").append(to).append("\r\n");
        // RFC 7489 §7.2.1.1: the subject names the domain, the submitter and the report id
        m.append("Subject: Report Domain: ").append(report.policyDomain()).append(" Submitter: ").append(receiver)
                .append(" Report-ID: <").append(report.reportId()).append(">\r\n");
        m.append("Date: ").append(DateTimeFormatter.RFC_1123_DATE_TIME.format(report.end().atOffset(ZoneOffset.UTC)))
                .append("\r\n");
        m.append("Message-ID: <").append(report.reportId()).append('@').append(receiver).append(">\r\n");
        m.append("MIME-Version: 1.0\r\n");
        m.append("Content-Type: multipart/mixed; boundary=\"").append(boundary).append("\"\r\n\r\n");
        m.append("--").append(boundary).append("\r\n");
        m.append("Content-Type: text/plain; charset=us-ascii\r\n\r\n");
        m.append("DMARC aggregate report for ").append(report.policyDomain()).append(" from ").append(receiver)
                .append(".\r\n\r\n");
        m.append("--").append(boundary).append("\r\n");
        m.append("Content-Type: application/gzip; name=\"").append(name).append("\"\r\n");
        m.append("Content-Transfer-Encoding: base64\r\n");
        m.append("Content-Disposition: attachment; filename=\"").append(name).append("\"\r\n\r\n");
        String b64 = Base64.getEncoder().encodeToString(gzipped);
        for (int i = 0; i < b64.length(); i += 76) {
            m.append(b64, i, Math.min(b64.length(), i + 76)).append("\r\n");
        }
        m.append("--").append(boundary).append("--\r\n");
        return m.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
