package dev.yubin.auth.spf;

import java.util.Objects;
import java.util.Optional;

/**
 * The result of an SPF check (RFC 7208 §2.6). Each result names the directive that decided it
 * ({@code mechanism()}: e.g. {@code -ip4:192.0.2.0/24}, {@code default} when none matched, or
 * the cause of an error), so that Authentication-Results and logs can say why.
 */
public sealed interface SpfResult {

    /** The directive or reason that produced this result. */
    String mechanism();

    /** The RFC 8601 / RFC 7208 result keyword: pass, fail, softfail, neutral, none, temperror, permerror. */
    default String keyword() {
        return switch (this) {
            case Pass p -> "pass";
            case Fail f -> "fail";
            case SoftFail s -> "softfail";
            case Neutral n -> "neutral";
            case None n -> "none";
            case TempError t -> "temperror";
            case PermError p -> "permerror";
        };
    }

    /** RFC 7208 §2.6.3: the client is authorised. */
    record Pass(String mechanism) implements SpfResult {
        public Pass {
            Objects.requireNonNull(mechanism);
        }
    }

    /**
     * RFC 7208 §2.6.4: the client is not authorised. {@code explanation} is the text of the
     * domain's {@code exp=} (RFC 7208 §6.2) when it has one that could be expanded.
     */
    record Fail(String mechanism, Optional<String> explanation) implements SpfResult {
        public Fail {
            Objects.requireNonNull(mechanism);
            Objects.requireNonNull(explanation);
        }

        /** The domain's explanation, or a default text for the SMTP reply. */
        public String explanationOrDefault() {
            return explanation.orElse("SPF check failed: the sender's domain does not authorise this host");
        }
    }

    /** RFC 7208 §2.6.5: weak statement that the client is probably not authorised. */
    record SoftFail(String mechanism) implements SpfResult {
        public SoftFail {
            Objects.requireNonNull(mechanism);
        }
    }

    /** RFC 7208 §2.6.2: the domain makes no assertion. */
    record Neutral(String mechanism) implements SpfResult {
        public Neutral {
            Objects.requireNonNull(mechanism);
        }
    }

    /** RFC 7208 §2.6.1: no SPF record, or no valid domain to check. */
    record None(String mechanism) implements SpfResult {
        public None {
            Objects.requireNonNull(mechanism);
        }
    }

    /** RFC 7208 §2.6.6: transient DNS error; a later retry may succeed. */
    record TempError(String mechanism) implements SpfResult {
        public TempError {
            Objects.requireNonNull(mechanism);
        }
    }

    /** RFC 7208 §2.6.7: the published record could not be interpreted, or limits were exceeded. */
    record PermError(String mechanism) implements SpfResult {
        public PermError {
            Objects.requireNonNull(mechanism);
        }
    }
}
