package dev.yubin.auth.arc;

import java.util.Locale;
import java.util.Objects;

/**
 * The ARC chain validation status of a message (RFC 8617 §4.4: none, pass, fail).
 *
 * @param status the chain validation status ("cv")
 * @param instances the number of ARC sets found
 * @param reason why the chain failed ("" otherwise)
 * @param lastSealer d= of the highest ARC-Seal ("" when none)
 * @param lastResults the method results of the highest ARC-Authentication-Results, unfolded
 *     ("" when none): what the last sealer says it found
 */
public record ArcResult(Status status, int instances, String reason, String lastSealer, String lastResults) {

    public enum Status {
        NONE, PASS, FAIL;

        public String keyword() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public ArcResult {
        Objects.requireNonNull(status);
        Objects.requireNonNull(reason);
        Objects.requireNonNull(lastSealer);
        Objects.requireNonNull(lastResults);
    }

    /** Without the sealer's results. */
    public ArcResult(Status status, int instances, String reason, String lastSealer) {
        this(status, instances, reason, lastSealer, "");
    }

    /**
     * True if the chain passed, was last sealed by one of {@code trustedSealers}, and that sealer
     * recorded {@code dmarc=pass} (RFC 8617 §7.2: a receiver may use a trusted sealer's results to
     * override a local DMARC failure caused by the forwarding).
     */
    public boolean vouchesForDmarc(java.util.Set<String> trustedSealers) {
        return status == Status.PASS && trustedSealers.contains(lastSealer)
                && DMARC_PASS.matcher(lastResults).find();
    }

    private static final java.util.regex.Pattern DMARC_PASS =
            java.util.regex.Pattern.compile("(?:^|;)\\s*dmarc\\s*=\\s*pass\\b", java.util.regex.Pattern.CASE_INSENSITIVE);

    static ArcResult none() {
        return new ArcResult(Status.NONE, 0, "", "");
    }

    static ArcResult fail(int instances, String reason, String lastSealer) {
        return new ArcResult(Status.FAIL, instances, reason, lastSealer);
    }
}
