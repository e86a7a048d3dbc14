package dev.yubin.app.cli;

import dev.yubin.app.config.Config;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code yubin config defaults|check}. */
@Command(name = "config", description = "Show or check the configuration.", mixinStandardHelpOptions = true,
        subcommands = {ConfigCommand.Defaults.class, ConfigCommand.Check.class})
public final class ConfigCommand {

    @Command(name = "defaults", description = "Print every setting with its default and documentation.")
    static final class Defaults implements Runnable {
        @Override
        public void run() {
            System.out.print(Config.defaultsYaml());
        }
    }

    @Command(name = "check", description = "Load the configuration and report the first problem, if any.")
    static final class Check implements Runnable {
        @Mixin
        ConfigOptions config;

        @Override
        public void run() {
            config.load();
            System.out.println("configuration ok");
        }
    }
}
