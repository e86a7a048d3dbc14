package dev.yubin.dns;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of one DNS lookup: records, a name that does not exist, a name without records of
 * the asked type, or a temporary failure. The DNSSEC state is the AD bit of the answer
 * (RFC 4035 §3.2.3), meaningful only when the resolver is a validating one we trust.
 *
 * @param <T> the record value type
 */
public sealed interface DnsResult<T>
        permits DnsResult.Records, DnsResult.NxDomain, DnsResult.NoData, DnsResult.TempFailure {

    /** Whether the answer was authenticated by DNSSEC (AD bit set). */
    enum Dnssec { SECURE, INSECURE }

    /** The name exists and has at least one record of the asked type. */
    record Records<T>(List<T> values, Dnssec dnssec) implements DnsResult<T> {
        public Records {
            values = List.copyOf(values);
            Objects.requireNonNull(dnssec);
            if (values.isEmpty()) {
                throw new IllegalArgumentException("Records needs at least one value; use NoData");
            }
        }
    }

    /** RCODE 3: the name does not exist. */
    record NxDomain<T>(Dnssec dnssec) implements DnsResult<T> {
        public NxDomain {
            Objects.requireNonNull(dnssec);
        }
    }

    /** The name exists but has no record of the asked type. */
    record NoData<T>(Dnssec dnssec) implements DnsResult<T> {
        public NoData {
            Objects.requireNonNull(dnssec);
        }
    }

    /** SERVFAIL, REFUSED, timeout or network error: the answer may differ later. */
    record TempFailure<T>(String reason) implements DnsResult<T> {
        public TempFailure {
            Objects.requireNonNull(reason);
        }
    }

    /** The records, or an empty list for every other outcome. */
    default List<T> values() {
        return this instanceof Records<T> r ? r.values() : List.of();
    }

    /** True for NXDOMAIN and no data: a "void lookup" in RFC 7208 §4.6.4 terms. */
    default boolean isEmptyAnswer() {
        return this instanceof NxDomain<T> || this instanceof NoData<T>;
    }

    /** True when the answer carried the AD bit. */
    default boolean isSecure() {
        return switch (this) {
            case Records<T> r -> r.dnssec() == Dnssec.SECURE;
            case NxDomain<T> n -> n.dnssec() == Dnssec.SECURE;
            case NoData<T> n -> n.dnssec() == Dnssec.SECURE;
            case TempFailure<T> t -> false;
        };
    }
}
