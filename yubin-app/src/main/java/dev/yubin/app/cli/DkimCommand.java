package dev.yubin.app.cli;

import dev.yubin.app.CliException;
import dev.yubin.app.Stores;
import dev.yubin.app.config.Catalogue;
import dev.yubin.app.config.Config;
import dev.yubin.app.dkim.DkimKeyStore;
import dev.yubin.auth.publish.DomainRecords;
import dev.yubin.auth.publish.DomainSetup;
import dev.yubin.core.Domain;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code yubin dkim generate|list|activate|retire}: DKIM signing keys per local domain
 * (RFC 6376 §3.6, RFC 8463). A new key becomes active at once; the key it replaces stays
 * published until it is retired, so mail signed with it in transit still verifies.
 */
@Command(name = "dkim", description = "Manage DKIM signing keys.", mixinStandardHelpOptions = true,
        subcommands = {DkimCommand.Generate.class, DkimCommand.ListKeys.class, DkimCommand.Activate.class,
                DkimCommand.Retire.class})
public final class DkimCommand {

    /** The key store of the configured data directory. */
    static DkimKeyStore keyStore(Config config) {
        return new DkimKeyStore(config.path(Catalogue.DATA_DIR).resolve("dkim"), Clock.systemUTC());
    }

    /** The domain in A-label form, which must be local. */
    static String localDomain(Config config, String text) {
        Domain d = Domain.parse(text);
        try (Stores s = Stores.open(config)) {
            if (!s.directory().isLocalDomain(d)) {
                throw new CliException("not a local domain: " + d + " (add it with: yubin domain add " + d + ")");
            }
        }
        return d.name();
    }

    /** The zone-file line of a key's TXT record, formatted by {@link DomainRecords}. */
    static String zoneLine(DkimKeyStore.StoredKey k) {
        return DomainRecords.zoneLines(new DomainSetup(k.domain(),
                        "localhost", List.of(new DomainSetup.DkimPublication(k.selector(),
                        k.publicKey())), "postmaster@" + k.domain(), "x", DomainSetup.MtaStsMode.NONE))
                .stream().filter(l -> l.startsWith(k.selector() + "._domainkey.")).findFirst().orElseThrow();
    }

    @Command(name = "generate", description = "Generate a key (default: one RSA-2048 and one Ed25519), make it active "
            + "and print its DNS record.")
    static final class Generate implements Runnable {
        @Mixin
        ConfigOptions config;
        @Parameters(paramLabel = "DOMAIN")
        String domain;
        @Option(names = "--selector", paramLabel = "S", description = "Selector (needs --algorithm).")
        String selector;
        @Option(names = "--algorithm", paramLabel = "ALG", description = "rsa or ed25519 (default: both).")
        String algorithm;

        @Override
        public void run() {
            Config c = config.load();
            String d = localDomain(c, domain);
            DkimKeyStore store = keyStore(c);
            List<DkimKeyStore.Algorithm> algorithms = algorithm == null
                    ? List.of(DkimKeyStore.Algorithm.ED25519, DkimKeyStore.Algorithm.RSA)
                    : List.of(DkimKeyStore.Algorithm.parse(algorithm));
            if (selector != null && algorithms.size() > 1) {
                throw new CliException("--selector needs --algorithm: each key has its own selector");
            }
            List<DkimKeyStore.StoredKey> made = new ArrayList<>();
            for (DkimKeyStore.Algorithm a : algorithms) {
                made.add(store.generate(d, selector != null ? selector : store.freshSelector(d, a), a));
            }
            for (DkimKeyStore.StoredKey k : made) {
                System.out.println("; " + k.algorithm().suffix() + " key " + k.selector() + " for " + d + " (active)");
                System.out.println(zoneLine(k));
            }
        }
    }

    @Command(name = "list", description = "List DKIM keys (active ones sign; all listed ones are published).")
    static final class ListKeys implements Runnable {
        @Mixin
        ConfigOptions config;
        @Parameters(paramLabel = "DOMAIN", arity = "0..1")
        String domain;

        @Override
        public void run() {
            Config c = config.load();
            DkimKeyStore store = keyStore(c);
            List<String> domains = domain != null ? List.of(localDomain(c, domain)) : store.domains();
            for (String d : domains) {
                for (DkimKeyStore.StoredKey k : store.list(d)) {
                    System.out.println(d + "\t" + k.selector() + "\t" + k.algorithm().suffix() + "\t"
                            + (k.active() ? "active" : "published"));
                }
            }
        }
    }

    @Command(name = "activate", description = "Make a stored selector the active key of its algorithm.")
    static final class Activate implements Runnable {
        @Mixin
        ConfigOptions config;
        @Parameters(index = "0", paramLabel = "DOMAIN")
        String domain;
        @Parameters(index = "1", paramLabel = "SELECTOR")
        String selector;

        @Override
        public void run() {
            Config c = config.load();
            String d = localDomain(c, domain);
            keyStore(c).activate(d, selector);
            System.out.println("activated " + selector + " for " + d);
        }
    }

    @Command(name = "retire", description = "Delete an inactive key: it is no longer published (remove its DNS record).")
    static final class Retire implements Runnable {
        @Mixin
        ConfigOptions config;
        @Parameters(index = "0", paramLabel = "DOMAIN")
        String domain;
        @Parameters(index = "1", paramLabel = "SELECTOR")
        String selector;

        @Override
        public void run() {
            Config c = config.load();
            String d = localDomain(c, domain);
            keyStore(c).retire(d, selector);
            System.out.println("retired " + selector + " for " + d + "; remove " + selector + "._domainkey." + d
                    + " from DNS");
        }
    }
}
