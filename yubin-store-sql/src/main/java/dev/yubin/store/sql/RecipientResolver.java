package dev.yubin.store.sql;

import dev.yubin.core.Domain;
import dev.yubin.core.EmailAddress;
import dev.yubin.store.Alias;
import dev.yubin.store.Recipients;
import dev.yubin.store.User;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Resolves one envelope recipient to local users and outside addresses, as
 * {@link dev.yubin.store.Directory#resolve} specifies: exact user, exact alias, plus-addressing,
 * catch-all, postmaster (RFC 5321 §4.5.1). Alias targets expand recursively to depth
 * {@value #MAX_DEPTH}; an address seen before on the path is not expanded again (loops are cut).
 */
final class RecipientResolver {
    static final int MAX_DEPTH = 10;

    private final Handle h;
    private final Map<Long, User> local = new LinkedHashMap<>();
    private final Map<String, EmailAddress> forward = new LinkedHashMap<>();
    private final Map<String, Boolean> localDomains = new java.util.HashMap<>();

    RecipientResolver(Handle h) {
        this.h = h;
    }

    Recipients resolve(EmailAddress recipient) {
        if (!isLocal(recipient.domain())) {
            return Recipients.none();
        }
        expand(recipient, 0, new HashSet<>());
        return new Recipients(new ArrayList<>(local.values()), new ArrayList<>(forward.values()));
    }

    private boolean isLocal(Domain d) {
        return localDomains.computeIfAbsent(d.name(), n -> SqlDirectory.domainId(h, d).isPresent());
    }

    /** Adds where mail for {@code address} (a local-domain address) goes; false if nowhere. */
    private boolean expand(EmailAddress address, int depth, Set<String> path) {
        String canonical = address.canonical();
        if (depth > MAX_DEPTH || !path.add(canonical)) {
            return false; // too deep, or a loop: this branch delivers nowhere
        }
        try {
            if (userOrAlias(canonical, depth, path)) {
                return true;
            }
            String localPart = address.localPart();
            int plus = localPart.indexOf('+');
            if (plus > 0) {
                String base = localPart.substring(0, plus).toLowerCase(Locale.ROOT) + "@" + address.domain().name();
                if (userOrAlias(base, depth, path)) {
                    return true;
                }
            }
            Optional<Alias> catchAll = alias("@" + address.domain().name());
            if (catchAll.isPresent() && targets(catchAll.get(), depth, path)) {
                return true;
            }
            if ("postmaster".equalsIgnoreCase(localPart)) { // RFC 5321 §4.5.1
                Optional<User> pm = firstUser(address.domain());
                pm.ifPresent(u -> local.putIfAbsent(u.id().value(), u));
                return pm.isPresent();
            }
            return false;
        } finally {
            path.remove(canonical);
        }
    }

    private boolean userOrAlias(String canonical, int depth, Set<String> path) {
        Optional<User> user = SqlDirectory.userByCanonical(h, canonical);
        if (user.isPresent()) {
            local.putIfAbsent(user.get().id().value(), user.get());
            return true;
        }
        Optional<Alias> alias = alias(canonical);
        return alias.isPresent() && targets(alias.get(), depth, path);
    }

    private boolean targets(Alias alias, int depth, Set<String> path) {
        boolean any = false;
        for (EmailAddress target : alias.targets()) {
            if (isLocal(target.domain())) {
                any |= expand(target, depth + 1, path);
            } else {
                forward.putIfAbsent(target.canonical(), target);
                any = true;
            }
        }
        return any;
    }

    private Optional<Alias> alias(String source) {
        return h.createQuery("SELECT source, targets FROM aliases WHERE source = :s").bind("s", source)
                .map((rs, ctx) -> SqlDirectory.alias(rs.getString("source"), rs.getString("targets")))
                .findOne();
    }

    /** The domain's first user by address, else the first user of any domain. */
    private Optional<User> firstUser(Domain domain) {
        Optional<User> u = h.createQuery("SELECT u.id, u.address, u.quota_bytes FROM users u"
                        + " JOIN domains d ON d.id = u.domain_id WHERE d.name = :d ORDER BY u.canonical LIMIT 1")
                .bind("d", domain.name()).map(Rows.USER).findOne();
        if (u.isPresent()) {
            return u;
        }
        return h.createQuery("SELECT " + Rows.USER_COLUMNS + " FROM users ORDER BY canonical LIMIT 1")
                .map(Rows.USER).findOne();
    }
}
