package dev.yubin.pop3;

import java.util.Locale;
import java.util.Optional;

/**
 * Parses a command line (without CRLF) into a {@link Pop3Command}. RFC 1939 §3: a keyword of
 * 3-4 characters, case-insensitive, then arguments separated by single spaces. PASS takes the
 * rest of the line as one argument, since passwords may contain spaces (RFC 1939 §7).
 */
final class Pop3Parser {
    private Pop3Parser() {
    }

    /** Parse outcome: a command, or the error reply for an unknown or malformed line. */
    sealed interface Parsed {
        record Command(Pop3Command command) implements Parsed {
        }

        record Error(String reply) implements Parsed {
        }
    }

    static Parsed parse(String line) {
        int sp = line.indexOf(' ');
        String keyword = (sp < 0 ? line : line.substring(0, sp)).toUpperCase(Locale.ROOT);
        String rest = sp < 0 ? "" : line.substring(sp + 1);
        String[] args = rest.isBlank() ? new String[0] : rest.strip().split(" +");
        Optional<Pop3Command> c = switch (keyword) {
            case "USER" -> args.length == 1 ? Optional.of(new UserCommand(args[0])) : Optional.empty();
            case "PASS" -> rest.isEmpty() ? Optional.empty() : Optional.of(new PassCommand(rest));
            case "AUTH" -> AuthCommand.parse(args);
            case "STLS" -> none(args, new StlsCommand());
            case "CAPA" -> none(args, new CapaCommand());
            case "UTF8" -> none(args, new Utf8Command());
            case "STAT" -> none(args, new StatCommand());
            case "LIST" -> args.length <= 1 ? Optional.of(new ListCommand(optional(args))) : Optional.empty();
            case "UIDL" -> args.length <= 1 ? Optional.of(new UidlCommand(optional(args))) : Optional.empty();
            case "RETR" -> args.length == 1 ? Optional.of(new RetrCommand(args[0])) : Optional.empty();
            case "TOP" -> TopCommand.parse(args);
            case "DELE" -> args.length == 1 ? Optional.of(new DeleCommand(args[0])) : Optional.empty();
            case "NOOP" -> none(args, new NoopCommand());
            case "RSET" -> none(args, new RsetCommand());
            case "QUIT" -> none(args, new QuitCommand());
            default -> null;
        };
        if (c == null) {
            return new Parsed.Error(Pop3Reply.UNKNOWN);
        }
        return c.<Parsed>map(Parsed.Command::new).orElseGet(() -> new Parsed.Error(Pop3Reply.BAD_SYNTAX));
    }

    private static Optional<Pop3Command> none(String[] args, Pop3Command c) {
        return args.length == 0 ? Optional.of(c) : Optional.empty();
    }

    private static Optional<String> optional(String[] args) {
        return args.length == 0 ? Optional.empty() : Optional.of(args[0]);
    }
}
