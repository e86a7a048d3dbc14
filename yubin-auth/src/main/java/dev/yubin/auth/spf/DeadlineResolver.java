package dev.yubin.auth.spf;

import dev.yubin.dns.DnsResult;
import dev.yubin.dns.MxRecord;
import dev.yubin.dns.Resolver;
import dev.yubin.dns.TlsaRecord;
import dev.yubin.dns.TxtRecord;
import java.net.InetAddress;
import java.util.function.Supplier;

/**
 * A resolver view that answers every query after a deadline with a temporary failure, so one SPF
 * check cannot run longer than its time limit (RFC 7208 §4.6.4) whatever the DNS does.
 */
final class DeadlineResolver implements Resolver {

    private final Resolver delegate;
    private final long deadlineNanos;

    DeadlineResolver(Resolver delegate, long deadlineNanos) {
        this.delegate = delegate;
        this.deadlineNanos = deadlineNanos;
    }

    private <T> DnsResult<T> timed(Supplier<DnsResult<T>> query) {
        if (System.nanoTime() - deadlineNanos >= 0) {
            return new DnsResult.TempFailure<>("SPF time limit reached");
        }
        return query.get();
    }

    @Override
    public DnsResult<MxRecord> mx(String name) {
        return timed(() -> delegate.mx(name));
    }

    @Override
    public DnsResult<InetAddress> a(String name) {
        return timed(() -> delegate.a(name));
    }

    @Override
    public DnsResult<InetAddress> aaaa(String name) {
        return timed(() -> delegate.aaaa(name));
    }

    @Override
    public DnsResult<TxtRecord> txt(String name) {
        return timed(() -> delegate.txt(name));
    }

    @Override
    public DnsResult<String> ptr(InetAddress address) {
        return timed(() -> delegate.ptr(address));
    }

    @Override
    public DnsResult<TlsaRecord> tlsa(String name) {
        return timed(() -> delegate.tlsa(name));
    }
}
