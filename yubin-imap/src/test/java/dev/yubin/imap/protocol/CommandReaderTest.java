package dev.yubin.imap.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.imap.command.AppendCommand;
import dev.yubin.imap.command.CommandParser;
import dev.yubin.imap.command.FetchCommand;
import dev.yubin.imap.command.LoginCommand;
import dev.yubin.net.LineReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The command reader and parser, fed input split at every byte boundary. */
class CommandReaderTest {

    /** Returns at most {@code chunk} bytes per read, from a fixed split point. */
    private static InputStream split(byte[] data, int at) {
        return new InputStream() {
            int pos;

            @Override
            public int read() {
                return pos < data.length ? data[pos++] & 0xff : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (pos >= data.length) {
                    return -1;
                }
                int limit = pos < at ? at : data.length;
                int n = Math.min(len, limit - pos);
                System.arraycopy(data, pos, b, off, n);
                pos += n;
                return n;
            }
        };
    }

    private static List<CommandParser.Tagged> readAll(byte[] input, int splitAt, ByteArrayOutputStream cont)
            throws IOException {
        LineReader in = new LineReader(split(input, splitAt), 65536);
        CommandReader reader = new CommandReader(1 << 20, 2 << 20);
        CommandParser parser = new CommandParser(16);
        List<CommandParser.Tagged> out = new ArrayList<>();
        while (true) {
            CommandReader.Read r = reader.read(in, () -> cont.write('+'));
            if (r instanceof CommandReader.Read.Eof) {
                return out;
            }
            assertThat(r).isInstanceOf(CommandReader.Read.Command.class);
            try {
                out.add(parser.parse(((CommandReader.Read.Command) r).command()));
            } catch (CommandParser.Failure f) {
                throw new AssertionError(f.getMessage() + " at split " + splitAt + ": " + new String(((CommandReader.Read.Command) r).command().text(), StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void everySplitGivesTheSameCommands() throws IOException {
        String wire = "a1 LOGIN {5}\r\nalice \"sec\\\"ret\"\r\n"
                + "a2 UID FETCH 1:*,7 (FLAGS BODY.PEEK[1.2.HEADER.FIELDS (From To)]<0.100> BINARY[1])\r\n"
                + "a3 APPEND INBOX (\\Seen) \"05-Nov-2026 10:11:12 +0100\" {12+}\r\nHello\r\nWorld\r\n";
        byte[] input = wire.getBytes(StandardCharsets.UTF_8);
        for (int at = 0; at <= input.length; at++) {
            ByteArrayOutputStream cont = new ByteArrayOutputStream();
            List<CommandParser.Tagged> cmds = readAll(input, at, cont);
            assertThat(cmds).hasSize(3);
            assertThat(cmds.get(0).command()).isEqualTo(new LoginCommand("alice", "sec\"ret"));
            FetchCommand f = (FetchCommand) cmds.get(1).command();
            assertThat(f.items()).hasSize(3);
            AppendCommand a = (AppendCommand) cmds.get(2).command();
            assertThat(new String(a.messages().get(0).content(), StandardCharsets.US_ASCII)).isEqualTo("Hello\r\nWorld");
            assertThat(a.messages().get(0).flags()).containsExactly("\\Seen");
            assertThat(cont.toString(StandardCharsets.US_ASCII)).isEqualTo("+"); // only the synchronising literal
        }
    }

    @Test
    void oversizedLiteralsAreRefusedBeforeReading() throws IOException {
        LineReader in = new LineReader(split("a APPEND INBOX {999999999}\r\nb NOOP\r\n".getBytes(
                StandardCharsets.US_ASCII), 5), 65536);
        CommandReader reader = new CommandReader(1000, 2000);
        CommandReader.Read r = reader.read(in, () -> {
            throw new AssertionError("must not ask for the literal");
        });
        assertThat(r).isEqualTo(new CommandReader.Read.LiteralRefused("a"));
        assertThat(reader.read(in, () -> { })).isInstanceOf(CommandReader.Read.Command.class);
        // only APPEND may send message-sized literals; other commands are held to 64 KiB
        LineReader big = new LineReader(split("b LOGIN {70000}\r\n".getBytes(StandardCharsets.US_ASCII), 3), 65536);
        assertThat(new CommandReader(1 << 20, 2 << 20).read(big, () -> {
            throw new AssertionError("must not ask for the literal");
        })).isEqualTo(new CommandReader.Read.LiteralRefused("b"));
        LineReader in2 = new LineReader(split("a APPEND INBOX {999999999+}\r\n".getBytes(StandardCharsets.US_ASCII),
                3), 65536);
        assertThat(reader.read(in2, () -> { })).isEqualTo(new CommandReader.Read.LiteralOverrun("a"));
    }

    @Test
    void sharedBudgetBoundsLiteralsInFlight() throws IOException {
        LiteralBudget budget = new LiteralBudget(4096, 50);
        CommandReader reader = new CommandReader(1 << 20, 2 << 20, budget);
        byte[] three = ("a APPEND INBOX {3000+}\r\n" + "x".repeat(3000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        CommandReader.Read first = reader.read(new LineReader(split(three, 7), 65536), () -> { });
        assertThat(first).isInstanceOf(CommandReader.Read.Command.class);
        // while the first is held, a second one does not fit and is refused after a bounded wait
        LineReader second = new LineReader(split("b APPEND INBOX {3000}\r\n".getBytes(StandardCharsets.US_ASCII),
                3), 65536);
        assertThat(reader.read(second, () -> { })).isEqualTo(new CommandReader.Read.LiteralRefused("b"));
        reader.release(((CommandReader.Read.Command) first).command());
        assertThat(budget.acquire(4096)).isTrue();
        budget.release(4096);
    }

    @Test
    void longLinesAndDeepNestingAreRejected() throws IOException {
        byte[] big = ("a NOOP " + "x".repeat(70_000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        LineReader in = new LineReader(split(big, 100), 65536);
        assertThat(new CommandReader(1000, 200_000).read(in, () -> { }))
                .isInstanceOf(CommandReader.Read.LineTooLong.class);
        String deep = "a SEARCH " + "(".repeat(100) + "ALL" + ")".repeat(100);
        RawCommand raw = new RawCommand(deep.getBytes(StandardCharsets.US_ASCII), List.of());
        try {
            new CommandParser(16).parse(raw);
            throw new AssertionError("expected failure");
        } catch (CommandParser.Failure f) {
            assertThat(f.getMessage()).contains("nested");
            assertThat(f.tag()).isEqualTo("a");
        }
    }
}
