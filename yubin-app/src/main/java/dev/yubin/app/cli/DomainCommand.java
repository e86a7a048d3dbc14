package dev.yubin.app.cli;

import dev.yubin.app.Stores;
import dev.yubin.core.Domain;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code yubin domain add|list|remove}: the local domains this server receives mail for. */
@Command(name = "domain", description = "Manage local domains.", mixinStandardHelpOptions = true,
        subcommands = {DomainCommand.Add.class, DomainCommand.ListDomains.class, DomainCommand.Remove.class})
public final class DomainCommand {

    @Command(name = "add", description = "Add a local domain.")
    static final class Add implements Runnable {
        @Mixin
        ConfigOptions config;
        @Parameters(paramLabel = "DOMAIN")
        String domain;

        @Override
        public void run() {
            Domain d = Domain.parse(domain);
            try (Stores s = Stores.open(config.load())) {
                s.directory().addDomain(d);
            }
            System.out.println("added domain " + d);
        }
    }

    @Command(name = "list", description = "List local domains.")
    static final class ListDomains implements Runnable {
        @Mixin
        ConfigOptions config;

        @Override
        public void run() {
            try (Stores s = Stores.open(config.load())) {
                s.directory().domains().forEach(System.out::println);
            }
        }
    }

    @Command(name = "remove", description = "Remove a local domain (it must have no users or aliases).")
    static final class Remove implements Runnable {
        @Mixin
        ConfigOptions config;
        @Parameters(paramLabel = "DOMAIN")
        String domain;

        @Override
        public void run() {
            Domain d = Domain.parse(domain);
            try (Stores s = Stores.open(config.load())) {
                s.directory().removeDomain(d);
            }
            System.out.println("removed domain " + d);
        }
    }
}
