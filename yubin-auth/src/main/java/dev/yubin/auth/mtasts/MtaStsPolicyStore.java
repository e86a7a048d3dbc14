package dev.yubin.auth.mtasts;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where {@link MtaStsCache} keeps policies so a restart does not forget them (RFC 8461 §5.1:
 * a cached policy protects against an attacker who blocks the policy fetch). Implementations are
 * safe for concurrent use; failures to write are logged, never thrown.
 */
public interface MtaStsPolicyStore {

    Optional<CachedPolicy> get(String domain);

    void put(String domain, CachedPolicy policy);

    /** A store that lives only as long as the process (tests, no data directory). */
    static MtaStsPolicyStore memory() {
        Map<String, CachedPolicy> map = new ConcurrentHashMap<>();
        return new MtaStsPolicyStore() {
            @Override
            public Optional<CachedPolicy> get(String domain) {
                return Optional.ofNullable(map.get(domain));
            }

            @Override
            public void put(String domain, CachedPolicy policy) {
                map.put(domain, policy);
            }
        };
    }
}
