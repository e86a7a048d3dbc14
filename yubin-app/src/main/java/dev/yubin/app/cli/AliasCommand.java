package dev.yubin.app.cli;

import dev.yubin.app.Stores;
import dev.yubin.core.EmailAddress;
import dev.yubin.store.Alias;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code yubin alias add|list|remove}; a source {@code @domain} is the domain's catch-all. */
@Command(name = "alias", description = "Manage aliases and catch-alls.", mixinStandardHelpOptions = true,
        subcommands = {AliasCommand.Add.class, AliasCommand.ListAliases.class, AliasCommand.Remove.class})
public final class AliasCommand {

    @Command(name = "add", description = "Add or replace an alias: ADDRESS (or @DOMAIN for a catch-all) to TARGET...")
    static final class Add implements Runnable {
        @Mixin
        ConfigOptions config;
        @Parameters(index = "0", paramLabel = "ADDRESS")
        String source;
        @Parameters(index = "1..*", arity = "1..*", paramLabel = "TARGET")
        List<String> targets;

        @Override
        public void run() {
            List<EmailAddress> t = new ArrayList<>();
            for (String s : targets) {
                t.add(EmailAddress.parse(s));
            }
            Alias alias = new Alias(source, t);
            try (Stores s = Stores.open(config.load())) {
                s.directory().addAlias(alias);
            }
            System.out.println("alias " + alias.source() + " -> " + String.join(", ", t.stream().map(Object::toString).toList()));
        }
    }

    @Command(name = "list", description = "List aliases.")
    static final class ListAliases implements Runnable {
        @Mixin
        ConfigOptions config;

        @Override
        public void run() {
            try (Stores s = Stores.open(config.load())) {
                for (Alias a : s.directory().aliases()) {
                    System.out.println(a.source() + "\t" + String.join(", ", a.targets().stream().map(Object::toString).toList()));
                }
            }
        }
    }

    @Command(name = "remove", description = "Remove an alias.")
    static final class Remove implements Runnable {
        @Mixin
        ConfigOptions config;
        @Parameters(paramLabel = "ADDRESS")
        String source;

        @Override
        public void run() {
            String key = Alias.normaliseSource(source);
            try (Stores s = Stores.open(config.load())) {
                s.directory().removeAlias(key);
            }
            System.out.println("removed alias " + key);
        }
    }
}
