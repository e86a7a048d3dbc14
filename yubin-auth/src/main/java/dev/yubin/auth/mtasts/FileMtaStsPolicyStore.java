package dev.yubin.auth.mtasts;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link MtaStsPolicyStore} as one small properties file per domain under a directory
 * ({@code DATA/mta-sts/DOMAIN.properties}: id, fetched, policy). Written to a temporary file,
 * flushed and renamed, so a crash leaves the old or the new policy, never half of one. A file that
 * cannot be read counts as absent.
 */
public final class FileMtaStsPolicyStore implements MtaStsPolicyStore {
    private static final Logger LOG = LoggerFactory.getLogger(FileMtaStsPolicyStore.class);

    private final Path dir;

    public FileMtaStsPolicyStore(Path dir) {
        this.dir = dir;
    }

    @Override
    public Optional<CachedPolicy> get(String domain) {
        Optional<Path> file = file(domain);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file.get(), StandardCharsets.UTF_8)) {
            p.load(r);
            Optional<MtaStsPolicy> policy = MtaStsPolicy.parse(p.getProperty("policy", ""));
            if (policy.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new CachedPolicy(p.getProperty("id", ""), policy.get(),
                    Instant.ofEpochSecond(Long.parseLong(p.getProperty("fetched", "")))));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            LOG.warn("event=mta_sts.cache_unreadable domain={} path={} reason=\"{}\"", domain, file.get(), e.toString());
            return Optional.empty();
        }
    }

    @Override
    public void put(String domain, CachedPolicy policy) {
        Optional<Path> file = file(domain);
        if (file.isEmpty()) {
            return;
        }
        Properties p = new Properties();
        p.setProperty("id", policy.id());
        p.setProperty("fetched", Long.toString(policy.fetched().getEpochSecond()));
        p.setProperty("policy", policy.policy().text());
        Path tmp = file.get().resolveSibling(file.get().getFileName() + ".tmp");
        try {
            Files.createDirectories(dir);
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(w, "MTA-STS policy cache (RFC 8461 §5.1)");
            }
            try (FileChannel c = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                c.force(true);
            }
            Files.move(tmp, file.get(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("event=mta_sts.cache_write_failed domain={} path={} reason=\"{}\"", domain, file.get(),
                    e.toString());
        }
    }

    /** The file of a domain; empty for a name that is not a plain DNS name (never a path outside dir). */
    private Optional<Path> file(String domain) {
        if (!domain.matches("[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?") || domain.contains("..")) {
            return Optional.empty();
        }
        return Optional.of(dir.resolve(domain + ".properties"));
    }
}
