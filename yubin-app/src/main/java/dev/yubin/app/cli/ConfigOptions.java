package dev.yubin.app.cli;

import dev.yubin.app.config.Config;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --config FILE} shared by every command that needs the configuration or the data directory. */
public final class ConfigOptions {
    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "YAML configuration file (default: ./yubin.yaml if present, else built-in defaults).")
    Path file;

    public Config load() {
        if (file != null) {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("configuration file not found: " + file);
            }
            return Config.load(file);
        }
        Path local = Path.of("yubin.yaml");
        return Files.isRegularFile(local) ? Config.load(local) : Config.defaults();
    }
}
