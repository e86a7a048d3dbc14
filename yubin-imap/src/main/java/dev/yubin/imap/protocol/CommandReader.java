package dev.yubin.imap.protocol;

import dev.yubin.net.LineReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads one IMAP command with its literals (RFC 9051 §4.3, RFC 7888) from a {@link LineReader}.
 *
 * <p>Limits are checked before anything is allocated: a synchronising literal over the limit is
 * refused before the client sends it (RFC 7888 §4 / RFC 9051 §7.1 {@code [TOOBIG]}); a
 * non-synchronising one over the limit cannot be refused and ends the connection.
 */
public final class CommandReader {

    /** Result of reading one command. */
    public sealed interface Read {
        /** A complete command. */
        record Command(RawCommand command) implements Read {
        }

        /** The connection was closed. */
        record Eof() implements Read {
        }

        /** A line passed the line limit (its text was not kept). */
        record LineTooLong() implements Read {
        }

        /** A synchronising literal over the limit was announced and refused before it was sent. */
        record LiteralRefused(String tag) implements Read {
        }

        /** A non-synchronising literal over the limit: the connection cannot stay in step. */
        record LiteralOverrun(String tag) implements Read {
        }
    }

    /** Largest literal in a command other than APPEND (passwords, names, search strings). */
    public static final int MAX_ARGUMENT_LITERAL = 64 * 1024;

    private final long maxLiteral;
    private final long maxCommand;
    private final LiteralBudget budget;

    /**
     * @param maxLiteral largest single literal accepted in APPEND (the message size limit)
     * @param maxCommand largest sum of literals and lines in one command
     */
    public CommandReader(long maxLiteral, long maxCommand) {
        this(maxLiteral, maxCommand, LiteralBudget.UNLIMITED);
    }

    /** @param budget memory shared by all connections for literals being held */
    public CommandReader(long maxLiteral, long maxCommand, LiteralBudget budget) {
        this.maxLiteral = maxLiteral;
        this.maxCommand = maxCommand;
        this.budget = budget;
    }

    /** Gives back the budget a command's literals took; call once the command is done with. */
    public void release(RawCommand command) {
        long n = 0;
        for (byte[] l : command.literals()) {
            n += l.length;
        }
        budget.release(n);
    }

    private void release(List<byte[]> literals) {
        release(new RawCommand(new byte[0], literals));
    }

    /** Sends the continuation request {@code + ...} for a synchronising literal, flushed. */
    @FunctionalInterface
    public interface Continuation {
        void send() throws IOException;
    }

    public Read read(LineReader in, Continuation continuation) throws IOException {
        byte[] text = null;
        int textLen = 0;
        List<byte[]> literals = new ArrayList<>(0);
        long total = 0;
        while (true) {
            LineReader.Line line = in.readLine(false);
            switch (line.status()) {
                case EOF -> {
                    return new Read.Eof();
                }
                case TOO_LONG -> {
                    return new Read.LineTooLong();
                }
                default -> {
                }
            }
            int n = line.length();
            total += n + 2;
            if (total > maxCommand) {
                return new Read.LineTooLong();
            }
            if (text == null) {
                text = Arrays.copyOf(line.bytes(), n);
                textLen = n;
            } else {
                if (textLen + 2 + n > text.length) {
                    text = Arrays.copyOf(text, Math.max(text.length * 2, textLen + 2 + n));
                }
                text[textLen++] = '\r';
                text[textLen++] = '\n';
                System.arraycopy(line.bytes(), 0, text, textLen, n);
                textLen += n;
            }
            Literal lit = literalAtEnd(text, textLen);
            if (lit == null) {
                return new Read.Command(new RawCommand(textLen == text.length ? text : Arrays.copyOf(text, textLen),
                        literals));
            }
            long limit = isAppend(text, textLen) ? maxLiteral : Math.min(maxLiteral, MAX_ARGUMENT_LITERAL);
            if (lit.size > limit || total + lit.size > maxCommand || !budget.acquire(lit.size)) {
                release(literals);
                String tag = tagOf(text, textLen);
                // RFC 7888 §4: a too-big non-synchronising literal cannot be refused
                return lit.sync ? new Read.LiteralRefused(tag) : new Read.LiteralOverrun(tag);
            }
            if (lit.sync) {
                continuation.send();
            }
            byte[] data = new byte[(int) lit.size];
            literals.add(data);
            try {
                in.readFully(data, 0, data.length);
            } catch (IOException e) {
                release(literals);
                throw e;
            }
            total += lit.size;
        }
    }

    private record Literal(long size, boolean sync) {
    }

    /** Finds {@code {n}} or {@code {n+}} ending the line (RFC 9051 §4.3, RFC 7888 §3). */
    static Literal literalAtEnd(byte[] b, int len) {
        if (len < 3 || b[len - 1] != '}') {
            return null;
        }
        int i = len - 2;
        boolean sync = true;
        if (b[i] == '+') {
            sync = false;
            i--;
        }
        int end = i;
        while (i >= 0 && b[i] >= '0' && b[i] <= '9') {
            i--;
        }
        if (i < 0 || b[i] != '{' || i == end || end - i > 18) {
            return null;
        }
        long size = 0;
        for (int k = i + 1; k <= end; k++) {
            size = size * 10 + (b[k] - '0');
        }
        return new Literal(size, sync);
    }

    /** True if the command (its first line starts {@code tag APPEND}) may carry message-sized literals. */
    static boolean isAppend(byte[] b, int len) {
        int sp = 0;
        while (sp < len && b[sp] != ' ') {
            sp++;
        }
        String word = "APPEND ";
        if (len - sp - 1 < word.length()) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (Character.toUpperCase((char) b[sp + 1 + i]) != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    static String tagOf(byte[] b, int len) {
        int i = 0;
        while (i < len && b[i] != ' ' && i < 64) {
            i++;
        }
        String tag = new String(b, 0, i, StandardCharsets.US_ASCII);
        return tag.isEmpty() ? "*" : tag;
    }
}
