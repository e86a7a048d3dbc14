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
 */
public record ArcResult(Status status, int instances, String reason, String lastSealer) {

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
    }

    static ArcResult none() {
        return new ArcResult(Status.NONE, 0, "", "");
    }

    static ArcResult fail(int instances, String reason, String lastSealer) {
        return new ArcResult(Status.FAIL, instances, reason, lastSealer);
    }
}
