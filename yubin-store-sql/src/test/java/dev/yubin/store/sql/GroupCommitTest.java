package dev.yubin.store.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.yubin.core.Domain;
import dev.yubin.store.StoreException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The writer's group commit: units of one batch succeed or fail alone, each under its savepoint. */
class GroupCommitTest {
    @TempDir
    Path dir;

    @Test
    void failedUnitsLeaveNothingAndOthersCommit() throws Exception {
        try (SqliteStore store = SqliteStore.open(dir)) {
            ExecutorService pool = Executors.newFixedThreadPool(16);
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int i = 0; i < 64; i++) {
                    int n = i;
                    futures.add(pool.submit(() -> store.sql().write(h -> {
                        h.execute("INSERT INTO domains (name) VALUES (?)", "d" + n + ".test");
                        if (n % 2 == 1) {
                            throw new StoreException.Conflict("unit " + n + " fails after its insert");
                        }
                        return n;
                    })));
                }
                int failed = 0;
                for (Future<?> f : futures) {
                    try {
                        f.get(60, TimeUnit.SECONDS);
                    } catch (java.util.concurrent.ExecutionException e) {
                        assertThat(e.getCause()).isInstanceOf(StoreException.Conflict.class);
                        failed++;
                    }
                }
                assertThat(failed).isEqualTo(32);
            } finally {
                pool.shutdown();
            }
            assertThat(store.domains()).hasSize(32).allMatch(d -> Integer.parseInt(d.name().replaceAll("\\D", "")) % 2 == 0);
            assertThat(store.writerStats()).contains("units=");
        }
    }

    @Test
    void writeInsideWriteFailsInsteadOfHanging() {
        try (SqliteStore store = SqliteStore.open(dir)) {
            assertThatThrownBy(() -> store.sql().write(h -> {
                store.addDomain(Domain.parse("nested.test"));
                return null;
            })).isInstanceOf(IllegalStateException.class);
            store.addDomain(Domain.parse("after.test"));
            assertThat(store.domains()).containsExactly(Domain.parse("after.test"));
        }
    }
}
