package dev.yubin.message;

import java.io.InputStream;
import java.util.Locale;
import org.apache.james.mime4j.codec.Base64InputStream;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.QuotedPrintableInputStream;

/**
 * Content-Transfer-Encoding decoding (RFC 2045 §6) for IMAP BINARY (RFC 3516) and search. Lenient:
 * invalid base64 characters and broken quoted-printable escapes are skipped or kept, never thrown.
 */
public final class TransferDecoding {

    private TransferDecoding() {
    }

    /**
     * Wraps {@code in} so it yields decoded octets: base64 and quoted-printable are decoded; 7bit, 8bit,
     * binary, absent and unknown encodings pass through unchanged.
     */
    public static InputStream decode(InputStream in, String encoding) {
        String e = encoding == null ? "" : encoding.trim().toLowerCase(Locale.ROOT);
        return switch (e) {
            case "base64" -> new Base64InputStream(in, DecodeMonitor.SILENT);
            case "quoted-printable" -> new QuotedPrintableInputStream(in, DecodeMonitor.SILENT);
            default -> in;
        };
    }
}
