package dev.yubin.smtp.server.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.store.BlobId;
import dev.yubin.store.fs.FsBlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spool: memory vs blob, header insertion, trace prefix, bare line ends across chunks. */
class SpoolTest {
    @TempDir
    Path dir;

    static void write(Spool s, String text) throws IOException {
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        s.write(b, 0, b.length);
    }

    String read(FsBlobStore blobs, BlobId id) throws IOException {
        try (InputStream in = blobs.open(id)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    @Test
    void smallMessageStaysInMemoryAndCommitsWithInsertedHeaders() throws IOException {
        FsBlobStore blobs = new FsBlobStore(dir);
        Spool s = new Spool(blobs, 1000, 998, 1 << 20);
        s.begin("Return-Path: <a@b>\r\n", "Received: x\r\n");
        write(s, "Subject: s\r\n\r\nbody\r\n");
        s.endOfData();
        assertThat(s.inMemory()).isTrue();
        s.insertHeaders(List.of("Authentication-Results: mx; none"));
        assertThat(new String(s.memorySource().open().readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo(
                "Return-Path: <a@b>\r\nAuthentication-Results: mx; none\r\nReceived: x\r\nSubject: s\r\n\r\nbody\r\n");
        long size = s.size();
        BlobId id = s.commit();
        assertThat(read(blobs, id)).hasSize((int) size).startsWith("Return-Path: <a@b>\r\nAuthentication-Results");
    }

    @Test
    void bigMessageStreamsIntoTheBlob() throws IOException {
        FsBlobStore blobs = new FsBlobStore(dir);
        Spool s = new Spool(blobs, 10_000_000, 998, 16 * 1024);
        s.begin("Return-Path: <>\r\n", "");
        StringBuilder expected = new StringBuilder("Return-Path: <>\r\n");
        for (int i = 0; i < 3000; i++) {
            String line = "line " + i + " " + "y".repeat(60) + "\r\n";
            write(s, line);
            expected.append(line);
        }
        s.endOfData();
        assertThat(s.inMemory()).isFalse();
        assertThat(s.size()).isEqualTo(expected.length());
        BlobId id = s.commit();
        assertThat(read(blobs, id)).isEqualTo(expected.toString());
    }

    @Test
    void crAtTheEndOfOneChunkAndLfAtTheStartOfTheNextIsFine() throws IOException {
        Spool s = new Spool(new FsBlobStore(dir), 1000, 998, 1 << 20);
        s.begin("", "");
        write(s, "a\r");
        write(s, "\nb\r\n");
        s.endOfData();
        assertThat(s.problem()).isEqualTo(Spool.Problem.NONE);
    }

    @Test
    void trailingCrAtLastChunkIsBare() throws IOException {
        Spool s = new Spool(new FsBlobStore(dir), 1000, 998, 1 << 20);
        s.begin("", "");
        write(s, "a\r\nb\r");
        s.endOfData();
        assertThat(s.problem()).isEqualTo(Spool.Problem.BARE_LINE_END);
    }

    @Test
    void abandonLeavesNoBlob() throws IOException {
        FsBlobStore blobs = new FsBlobStore(dir);
        Spool s = new Spool(blobs, 10_000_000, 998, 8 * 1024);
        s.begin("", "");
        for (int i = 0; i < 1000; i++) {
            write(s, "z".repeat(50) + "\r\n");
        }
        assertThat(s.inMemory()).isFalse();
        s.abandon();
        assertThat(blobs.sweepOrphans(id -> false, 0)).isZero();
    }
}
