package dev.yubin.auth.spf;

/**
 * Processing limits of an SPF check (RFC 7208 §4.6.4), declared once with their defaults.
 *
 * @param maxDnsMechanisms terms that cause DNS queries (include, a, mx, ptr, exists, redirect); default 10
 * @param maxVoidLookups lookups answering NXDOMAIN or no data; default 2
 * @param maxMxNames MX records one mx mechanism may look at; more is a permerror; default 10
 * @param maxPtrNames PTR names one ptr mechanism or %{p} macro validates; default 10
 * @param timeLimit wall-clock time for one check, after which it ends in temperror; default 20 s
 *     (RFC 7208 §4.6.4: "at least 20 seconds")
 */
public record SpfLimits(int maxDnsMechanisms, int maxVoidLookups, int maxMxNames, int maxPtrNames,
                        java.time.Duration timeLimit) {

    /** The limits of RFC 7208 §4.6.4. */
    public static final SpfLimits RFC7208 = new SpfLimits(10, 2, 10, 10, java.time.Duration.ofSeconds(20));

    public SpfLimits {
        if (maxDnsMechanisms < 1 || maxVoidLookups < 0 || maxMxNames < 1 || maxPtrNames < 1) {
            throw new IllegalArgumentException("SPF limits must be positive");
        }
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("SPF time limit must be positive");
        }
    }
}
