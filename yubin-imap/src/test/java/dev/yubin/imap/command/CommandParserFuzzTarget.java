package dev.yubin.imap.command;

import dev.yubin.imap.protocol.CommandReader;
import dev.yubin.net.LineReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Jazzer fuzz target for the command reader and parser ({@code jazzer --target_class=
 * dev.yubin.imap.command.CommandParserFuzzTarget}); the plain {@code fuzzerTestOneInput} form needs
 * no Jazzer dependency. Any exception other than the protocol's own outcomes is a finding.
 */
public final class CommandParserFuzzTarget {
    private CommandParserFuzzTarget() {
    }

    public static void fuzzerTestOneInput(byte[] data) {
        LineReader in = new LineReader(new ByteArrayInputStream(data), 8192);
        CommandReader reader = new CommandReader(4096, 16384);
        CommandParser parser = new CommandParser(16);
        try {
            for (int i = 0; i < 64; i++) {
                CommandReader.Read read = reader.read(in, () -> { });
                if (!(read instanceof CommandReader.Read.Command c)) {
                    return;
                }
                try {
                    parser.parse(c.command());
                } catch (CommandParser.Failure expected) {
                    // answered with BAD
                }
            }
        } catch (java.io.EOFException expected) {
            // input ended inside a literal
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
