package dev.yubin.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A throw-away data directory for tests that start a store or a whole server outside JUnit's
 * {@code @TempDir} (e.g. from a helper thread or another process): created empty, removed with
 * everything in it on {@link #close()}.
 */
public final class TempDataDir implements AutoCloseable {
    private final Path path;

    private TempDataDir(Path path) {
        this.path = path;
    }

    /** Creates an empty directory under the system temp directory; {@code label} appears in its name. */
    public static TempDataDir create(String label) {
        try {
            return new TempDataDir(Files.createTempDirectory("yubin-" + label + "-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path path() {
        return path;
    }

    /** A path inside the directory (not created). */
    public Path resolve(String name) {
        return path.resolve(name);
    }

    /** Deletes the directory tree; files that vanish meanwhile are ignored. */
    @Override
    public void close() {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + path, e);
        }
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
