package dev.yubin.store.fs;

import dev.yubin.store.BlobId;
import dev.yubin.store.BlobStore;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * {@link BlobStore} on a local file system: one file per blob under {@code ROOT/xx/yy/<id>},
 * where {@code <id>} is 128 random bits in hex and {@code xx}, {@code yy} are its first four
 * hex digits (65,536 directories keep each one small).
 *
 * <p>Durability order in {@link Writer#commit()}: the bytes are written, the file is fsync'd,
 * then its directory is fsync'd; only then is the id returned, so metadata committed afterwards
 * never names a blob that a crash could lose or truncate. New directories are fsync'd into their
 * parents when created.
 *
 * <p>The file is written under its final name, not to a temporary name renamed at the end: the
 * id is random and known to nobody until {@code commit} returns, so no reader can see a partial
 * file, and a crash mid-write leaves an unreferenced file that {@link #sweepOrphans} removes. This
 * saves a rename and, on ext4, a second journal commit per blob (measured here with 20 writers:
 * 1.6 to 5 times the blob rate of write-temp-then-rename).
 *
 * <p>Gaps: no content addressing (identical bodies from different SMTP transactions are stored
 * twice); orphans stay until {@link #sweepOrphans} runs.
 */
public final class FsBlobStore implements BlobStore {
    private static final int BUFFER = 64 * 1024;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private final Path root;

    /** Uses (and creates if needed) {@code root} as the top directory of the blobs. */
    public FsBlobStore(Path root) throws IOException {
        this.root = root.toAbsolutePath();
        if (!Files.isDirectory(this.root)) {
            Files.createDirectories(this.root);
            fsyncDirectory(this.root.getParent());
        }
    }

    public Path root() {
        return root;
    }

    /** The file holding a committed blob. */
    public Path pathOf(BlobId id) {
        String v = id.value();
        return root.resolve(v.substring(0, 2)).resolve(v.substring(2, 4)).resolve(v);
    }

    @Override
    public Writer create() throws IOException {
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        BlobId id = new BlobId(HEX.formatHex(random));
        Path target = pathOf(id);
        Path dir = target.getParent();
        ensureDirectory(dir);
        FileChannel channel = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        return new FsWriter(id, target, channel);
    }

    @Override
    public InputStream open(BlobId id) throws IOException {
        return Files.newInputStream(pathOf(id));
    }

    @Override
    public long size(BlobId id) throws IOException {
        return Files.size(pathOf(id));
    }

    @Override
    public void delete(BlobId id) throws IOException {
        Files.deleteIfExists(pathOf(id));
    }

    /** True if the blob's file exists. */
    public boolean exists(BlobId id) {
        return Files.isRegularFile(pathOf(id));
    }

    @Override
    public int sweepOrphans(Predicate<BlobId> referenced, long minAgeMillis) throws IOException {
        // compared in whole milliseconds: a file written in this very millisecond has a modification
        // time (nanoseconds) after a cutoff of "now" in milliseconds, yet is as old as minAge 0 asks
        long cutoffMillis = System.currentTimeMillis() - minAgeMillis;
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root, 3)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        int removed = 0;
        for (Path file : files) {
            String name = file.getFileName().toString();
            try {
                if (Files.getLastModifiedTime(file).toMillis() > cutoffMillis) {
                    continue;
                }
                if (isBlobName(name) && !referenced.test(new BlobId(name))) {
                    Files.deleteIfExists(file);
                    removed++;
                }
            } catch (NoSuchFileException gone) {
                // deleted concurrently: nothing to do
            }
        }
        return removed;
    }

    private static boolean isBlobName(String name) {
        if (name.length() < 16 || name.length() > 128) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    private void ensureDirectory(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Path parent = dir.getParent();
        boolean parentExisted = Files.isDirectory(parent);
        Files.createDirectories(dir);
        // the new directory entries must survive a crash, as the blob's own entry will
        fsyncDirectory(parent);
        if (!parentExisted) {
            fsyncDirectory(root);
        }
    }

    /** Makes the entries of a directory durable (the files created in it). */
    static void fsyncDirectory(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }

    private static final class FsWriter implements Writer {
        private final BlobId id;
        private final Path file;
        private final FileChannel channel;
        private final OutputStream stream;
        private boolean committed;
        private boolean closed;

        FsWriter(BlobId id, Path file, FileChannel channel) {
            this.id = id;
            this.file = file;
            this.channel = channel;
            this.stream = new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER);
        }

        @Override
        public OutputStream stream() {
            return stream;
        }

        @Override
        public BlobId commit() throws IOException {
            if (closed) {
                throw new IOException("blob writer already closed");
            }
            try {
                stream.flush();
                channel.force(true); // 1. the bytes (and the file's size)
            } finally {
                closed = true;
                channel.close();
            }
            fsyncDirectory(file.getParent()); // 2. the name
            committed = true;
            return id;
        }

        @Override
        public void close() throws IOException {
            if (committed) {
                return;
            }
            if (!closed) {
                closed = true;
                channel.close();
            }
            Files.deleteIfExists(file);
        }
    }
}
