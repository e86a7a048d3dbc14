package dev.yubin.testkit.dns;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.spi.InetAddressResolver;
import java.net.spi.InetAddressResolverProvider;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Makes chosen host names resolve to 127.0.0.1 in the JDK's own name resolution (for clients
 * such as {@code java.net.http.HttpClient} that take a URL, e.g. {@code https://mta-sts.example.test}),
 * so a TLS test keeps the real host name for SNI and certificate checks. Every other name goes to
 * the built-in resolver. A test module enables it with a
 * {@code META-INF/services/java.net.spi.InetAddressResolverProvider} file naming this class.
 */
public final class LoopbackNames extends InetAddressResolverProvider {
    private static final Set<String> NAMES = ConcurrentHashMap.newKeySet();

    /** {@code name} resolves to 127.0.0.1 from now on. */
    public static void add(String name) {
        NAMES.add(name.toLowerCase(Locale.ROOT));
    }

    @Override
    public InetAddressResolver get(Configuration configuration) {
        InetAddressResolver builtin = configuration.builtinResolver();
        return new InetAddressResolver() {
            @Override
            public Stream<InetAddress> lookupByName(String host, LookupPolicy policy) throws UnknownHostException {
                if (NAMES.contains(host.toLowerCase(Locale.ROOT))) {
                    return Stream.of(InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1}));
                }
                return builtin.lookupByName(host, policy);
            }

            @Override
            public String lookupByAddress(byte[] addr) throws UnknownHostException {
                return builtin.lookupByAddress(addr);
            }
        };
    }

    @Override
    public String name() {
        return "yubin-test-loopback-names";
    }
}
