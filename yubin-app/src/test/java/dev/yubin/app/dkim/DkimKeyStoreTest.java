package dev.yubin.app.dkim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.yubin.app.CliException;
import dev.yubin.app.dkim.DkimKeyStore.Algorithm;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The key store alone: selectors, rotation, retirement, and the signer the queue gets. */
class DkimKeyStoreTest {
    @TempDir
    Path dir;

    private static final byte[] MESSAGE = "From: a@example.org\r\nSubject: s\r\n\r\nbody\r\n"
            .getBytes(StandardCharsets.US_ASCII);

    @Test
    void rotationChangesTheSignerAtOnceAndRetiringStopsPublishing() {
        DkimKeyStore store = new DkimKeyStore(dir, Clock.fixed(Instant.parse("2026-03-01T00:00:00Z"), ZoneOffset.UTC));
        assertThat(store.signerFor("example.org")).isEmpty();
        String first = store.freshSelector("example.org", Algorithm.ED25519);
        assertThat(first).isEqualTo("y2026e");
        store.generate("example.org", first, Algorithm.ED25519);
        assertThat(store.signerFor("example.org").orElseThrow().sign(MESSAGE)).contains("s=y2026e;");

        String second = store.freshSelector("example.org", Algorithm.ED25519);
        assertThat(second).isEqualTo("y2026e2");
        store.generate("example.org", second, Algorithm.ED25519);
        assertThat(store.signerFor("example.org").orElseThrow().sign(MESSAGE)).contains("s=y2026e2;")
                .doesNotContain("s=y2026e;");
        assertThat(store.publications("example.org")).extracting(p -> p.selector()).containsExactly("y2026e", "y2026e2");

        assertThatThrownBy(() -> store.retire("example.org", second)).isInstanceOf(CliException.class);
        store.retire("example.org", first);
        assertThat(store.publications("example.org")).extracting(p -> p.selector()).containsExactly("y2026e2");

        store.activate("example.org", second);
        assertThat(store.list("example.org")).singleElement().satisfies(k -> assertThat(k.active()).isTrue());
    }

    @Test
    void domainsThatAreNotPlainNamesNeverReachTheFileSystem() {
        DkimKeyStore store = new DkimKeyStore(dir.resolve("dkim"), Clock.systemUTC());
        store.generate("example.org", "s", Algorithm.ED25519);
        assertThat(store.signerFor("../dkim/example.org")).isEmpty();
        assertThat(store.signerFor("example.org")).isPresent();
    }
}
