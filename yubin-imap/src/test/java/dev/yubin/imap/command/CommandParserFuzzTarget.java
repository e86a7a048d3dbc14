package dev.yubin.imap.command;

import dev.yubin.imap.protocol.CommandReader;
import dev.yubin.net.LineReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;

/**
 * The fuzz target behind {@link CommandParserFuzzTest}: bytes from the network through the line
 * reader, the command reader (literals) and the parser. The only outcomes allowed are a command,
 * a {@link CommandParser.Failure} (answered with BAD), one of {@link CommandReader.Read}'s refusals
 * or the input ending; any other exception, or allocating more than the limits allow (a literal
 * size must be refused before its buffer exists), is a finding.
 *
 * <p>The first byte chooses how many bytes each read of the socket returns, so the readers see
 * their input split at every boundary. Also runnable by the plain Jazzer driver
 * ({@code --target_class=dev.yubin.imap.command.CommandParserFuzzTarget}).
 */
public final class CommandParserFuzzTarget {
    static final int MAX_LINE = 8192;
    static final int MAX_LITERAL = 4096;
    static final int MAX_COMMAND = 16384;
    /**
     * Allocation allowed per input: the readers' buffers a few times over plus parse results per
     * input byte (about 70 KB for 4 KB of commands). Under the fuzzer, Jazzer's comparison hooks
     * allocate on the same thread (about 1 KB per input byte), so the bound is looser there; both
     * still catch a buffer sized by an announced literal before it is refused.
     */
    private static final boolean FUZZING = System.getenv("JAZZER_FUZZ") != null;
    static final long MAX_ALLOCATED = FUZZING ? 32L << 20 : 2L << 20;
    static final long MAX_ALLOCATED_PER_BYTE = FUZZING ? 2048 : 256;

    private static final com.sun.management.ThreadMXBean THREADS = threads();

    private CommandParserFuzzTarget() {
    }

    public static void fuzzerTestOneInput(byte[] data) {
        run(data); // first run loads (and under the fuzzer instruments) classes: not counted
        long before = allocated();
        run(data);
        long used = allocated() - before;
        if (used > MAX_ALLOCATED + MAX_ALLOCATED_PER_BYTE * data.length) {
            throw new AssertionError("allocated " + used + " bytes for " + data.length + " input bytes");
        }
    }

    private static void run(byte[] data) {
        int chunk = data.length == 0 ? 1 : 1 + (data[0] & 0x0f);
        LineReader in = new LineReader(new Chunked(data, chunk), MAX_LINE);
        CommandReader reader = new CommandReader(MAX_LITERAL, MAX_COMMAND);
        CommandParser parser = new CommandParser(16);
        try {
            for (int i = 0; i < 64; i++) {
                CommandReader.Read read = reader.read(in, () -> { });
                switch (read) {
                    case CommandReader.Read.Command c -> {
                        try {
                            parser.parse(c.command());
                        } catch (CommandParser.Failure expected) {
                            // answered with BAD
                        }
                        reader.release(c.command());
                    }
                    case CommandReader.Read.LiteralRefused refused -> {
                        // [TOOBIG]: the client never sends it; the session reads on
                    }
                    case CommandReader.Read.Eof eof -> {
                        return;
                    }
                    case CommandReader.Read.LineTooLong tooLong -> {
                        return;
                    }
                    case CommandReader.Read.LiteralOverrun overrun -> {
                        return;
                    }
                }
            }
        } catch (java.io.EOFException expected) {
            // input ended inside a literal
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long allocated() {
        return THREADS == null ? 0 : THREADS.getCurrentThreadAllocatedBytes();
    }

    private static com.sun.management.ThreadMXBean threads() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t
                && t.isThreadAllocatedMemorySupported()) {
            t.setThreadAllocatedMemoryEnabled(true);
            return t;
        }
        return null;
    }

    /** A socket that returns at most {@code chunk} bytes per read. */
    private static final class Chunked extends InputStream {
        private final ByteArrayInputStream in;
        private final int chunk;

        Chunked(byte[] data, int chunk) {
            this.in = new ByteArrayInputStream(data);
            this.chunk = chunk;
        }

        @Override
        public int read() {
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
            return in.read(b, off, Math.min(len, chunk));
        }
    }
}
