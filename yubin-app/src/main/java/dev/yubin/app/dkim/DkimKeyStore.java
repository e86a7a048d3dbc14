package dev.yubin.app.dkim;

import dev.yubin.app.CliException;
import dev.yubin.auth.dkim.DkimKeys;
import dev.yubin.auth.dkim.DkimSigner;
import dev.yubin.auth.dkim.DkimSigningKey;
import dev.yubin.auth.publish.DomainSetup;
import dev.yubin.smtp.queue.DkimSigners;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * DKIM keys on disk: {@code DATA/dkim/DOMAIN/SELECTOR.ALG.pem} (PKCS#8 private key, mode 0600),
 * {@code SELECTOR.ALG.pub} (its public key, X.509 PEM, so the record can be printed without
 * deriving an Ed25519 public key) and {@code DATA/dkim/DOMAIN/active} (the selectors that sign,
 * one a line, at most one per algorithm). Every stored key is published; a key stops being
 * published when it is retired (its files deleted). As {@link DkimSigners} it serves the server's
 * outbound queue, re-reading a domain's keys when its {@code active} file changes.
 */
public final class DkimKeyStore implements DkimSigners {

    /** The key algorithms, by file-name suffix. */
    public enum Algorithm {
        RSA("rsa"), ED25519("ed25519");

        private final String suffix;

        Algorithm(String suffix) {
            this.suffix = suffix;
        }

        public String suffix() {
            return suffix;
        }

        public static Algorithm parse(String text) {
            for (Algorithm a : values()) {
                if (a.suffix.equalsIgnoreCase(text)) {
                    return a;
                }
            }
            throw new CliException("unknown DKIM algorithm '" + text + "': expected rsa or ed25519");
        }
    }

    /** One stored key. */
    public record StoredKey(String domain, String selector, Algorithm algorithm, PublicKey publicKey, boolean active) {
        /** The TXT record to publish at {@code selector._domainkey.domain} (RFC 6376 §3.6.1). */
        public String dnsRecord() {
            return DkimKeys.dnsRecord(publicKey);
        }
    }

    private static final Pattern SELECTOR = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final String ACTIVE = "active";

    /** A domain name as the key directories are named: no path tricks from a From header. */
    private static final Pattern DOMAIN = Pattern.compile("[a-z0-9_-]+(\\.[a-z0-9_-]+)*");

    private record Cached(String active, Optional<DkimSigner> signer) {
    }

    private final Path root;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    /** @param root the {@code DATA/dkim} directory (created on first write) */
    public DkimKeyStore(Path root, Clock clock) {
        this.root = root;
        this.clock = clock;
    }

    /** Generates a key, stores it and makes it the active key of its algorithm for the domain. */
    public StoredKey generate(String domain, String selector, Algorithm algorithm) {
        String s = selector.toLowerCase(Locale.ROOT);
        if (!SELECTOR.matcher(s).matches()) {
            throw new CliException("invalid selector '" + selector + "': letters, digits and '-' (a DNS label)");
        }
        Path dir = root.resolve(domain);
        if (!keyFiles(dir, s).isEmpty()) {
            throw new CliException("selector " + s + " already exists for " + domain);
        }
        KeyPair pair = algorithm == Algorithm.RSA ? DkimKeys.generateRsa2048() : DkimKeys.generateEd25519();
        try {
            Files.createDirectories(dir);
            Path pem = dir.resolve(s + "." + algorithm.suffix() + ".pem");
            Files.createFile(pem, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(pem, DkimKeys.toPem(pair.getPrivate()), StandardCharsets.US_ASCII,
                    StandardOpenOption.WRITE, StandardOpenOption.SYNC);
            Files.writeString(dir.resolve(s + "." + algorithm.suffix() + ".pub"), publicPem(pair.getPublic()),
                    StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                    StandardOpenOption.SYNC);
        } catch (FileAlreadyExistsException e) {
            throw new CliException("selector " + s + " already exists for " + domain);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store DKIM key in " + dir, e);
        }
        activate(domain, s);
        return find(domain, s).orElseThrow();
    }

    /** A selector that does not exist yet for the domain: {@code yYEARa} (RSA) or {@code yYEARe}, then a counter. */
    public String freshSelector(String domain, Algorithm algorithm) {
        int year = clock.instant().atZone(java.time.ZoneOffset.UTC).getYear();
        String base = "y" + year + (algorithm == Algorithm.RSA ? "a" : "e");
        String s = base;
        for (int n = 2; !keyFiles(root.resolve(domain), s).isEmpty(); n++) {
            s = base + n;
        }
        return s;
    }

    /** Makes a stored selector active, replacing the active selector of the same algorithm (rotation). */
    public void activate(String domain, String selector) {
        StoredKey key = find(domain, selector).orElseThrow(
                () -> new CliException("no DKIM selector " + selector + " for " + domain));
        Set<String> active = new LinkedHashSet<>();
        for (String a : activeSelectors(domain)) {
            Optional<StoredKey> k = find(domain, a);
            if (k.isPresent() && k.get().algorithm() != key.algorithm()) {
                active.add(a);
            }
        }
        active.add(key.selector());
        writeActive(domain, active);
    }

    /** Deletes a key that is no longer active: it is no longer published (and can never sign again). */
    public void retire(String domain, String selector) {
        String s = selector.toLowerCase(Locale.ROOT);
        if (find(domain, s).isEmpty()) {
            throw new CliException("no DKIM selector " + s + " for " + domain);
        }
        if (activeSelectors(domain).contains(s)) {
            throw new CliException("selector " + s + " is active for " + domain + ": generate or activate another first");
        }
        try {
            for (Path p : keyFiles(root.resolve(domain), s)) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The stored (published) keys of a domain, by selector. */
    public List<StoredKey> list(String domain) {
        Path dir = root.resolve(domain);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        Set<String> active = activeSelectors(domain);
        List<StoredKey> keys = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.sorted().toList()) {
                String name = p.getFileName().toString();
                if (!name.endsWith(".pub")) {
                    continue;
                }
                String[] parts = name.split("\\.");
                if (parts.length != 3) {
                    continue;
                }
                Algorithm alg = Algorithm.parse(parts[1]);
                keys.add(new StoredKey(domain, parts[0], alg, readPublic(p, alg), active.contains(parts[0])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return keys;
    }

    /** Domains that have a key directory. */
    public List<String> domains() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The published keys as {@link DomainSetup} wants them. */
    public List<DomainSetup.DkimPublication> publications(String domain) {
        return list(domain).stream().map(k -> new DomainSetup.DkimPublication(k.selector(), k.publicKey())).toList();
    }

    /**
     * {@link DkimSigners}: a signer with the domain's active private keys, cached until the
     * domain's {@code active} file changes (so {@code yubin dkim generate} takes effect at once).
     */
    @Override
    public Optional<DkimSigner> signerFor(String domain) {
        if (!DOMAIN.matcher(domain).matches()) {
            return Optional.empty();
        }
        String activeText;
        try {
            activeText = Files.readString(root.resolve(domain).resolve(ACTIVE), StandardCharsets.US_ASCII);
        } catch (java.nio.file.NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Cached c = cache.get(domain);
        if (c != null && c.active().equals(activeText)) {
            return c.signer();
        }
        List<DkimSigningKey> keys = new ArrayList<>();
        for (StoredKey k : list(domain)) {
            if (k.active()) {
                Path pem = root.resolve(domain).resolve(k.selector() + "." + k.algorithm().suffix() + ".pem");
                try {
                    keys.add(new DkimSigningKey(domain, k.selector(),
                            DkimKeys.fromPem(Files.readString(pem, StandardCharsets.US_ASCII))));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        Optional<DkimSigner> signer = keys.isEmpty() ? Optional.empty() : Optional.of(new DkimSigner(keys, clock));
        cache.put(domain, new Cached(activeText, signer));
        return signer;
    }

    private Optional<StoredKey> find(String domain, String selector) {
        String s = selector.toLowerCase(Locale.ROOT);
        return list(domain).stream().filter(k -> k.selector().equals(s)).findFirst();
    }

    private Set<String> activeSelectors(String domain) {
        Path active = root.resolve(domain).resolve(ACTIVE);
        if (!Files.exists(active)) {
            return Set.of();
        }
        try {
            Set<String> out = new LinkedHashSet<>();
            for (String line : Files.readAllLines(active, StandardCharsets.US_ASCII)) {
                if (!line.isBlank()) {
                    out.add(line.strip());
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeActive(String domain, Set<String> selectors) {
        Path dir = root.resolve(domain);
        Path tmp = dir.resolve(ACTIVE + ".tmp");
        try {
            Files.writeString(tmp, String.join("\n", selectors) + "\n", StandardCharsets.US_ASCII,
                    StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE,
                    StandardOpenOption.SYNC);
            try {
                Files.move(tmp, dir.resolve(ACTIVE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, dir.resolve(ACTIVE), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(ACTIVE), e);
        }
    }

    private static List<Path> keyFiles(Path dir, String selector) {
        List<Path> out = new ArrayList<>();
        for (Algorithm a : Algorithm.values()) {
            for (String ext : List.of(".pem", ".pub")) {
                Path p = dir.resolve(selector + "." + a.suffix() + ext);
                if (Files.exists(p)) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    private static String publicPem(PublicKey key) {
        String b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded());
        return "-----BEGIN PUBLIC KEY-----\n" + b64 + "\n-----END PUBLIC KEY-----\n";
    }

    private static PublicKey readPublic(Path p, Algorithm alg) throws IOException {
        String b64 = Files.readString(p, StandardCharsets.US_ASCII).replace("-----BEGIN PUBLIC KEY-----", "")
                .replace("-----END PUBLIC KEY-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance(alg == Algorithm.RSA ? "RSA" : "Ed25519")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(b64)));
        } catch (java.security.GeneralSecurityException | IllegalArgumentException e) {
            throw new CliException("unreadable DKIM public key " + p + ": " + e.getMessage());
        }
    }
}
