package dev.yubin.imap.command;

import dev.yubin.imap.protocol.ImapParser;
import dev.yubin.imap.protocol.ParseException;
import dev.yubin.imap.protocol.RawCommand;

/** Turns a {@link RawCommand} into its tag and {@link Command} record (RFC 9051 §9 {@code command}). */
public final class CommandParser {
    private final int maxDepth;

    /** A parsed command with its tag. */
    public record Tagged(String tag, Command command) {
    }

    /** A command that could not be parsed, with the tag when one was readable. */
    public static final class Failure extends Exception {
        private final String tag;

        Failure(String tag, String message) {
            super(message, null, false, false);
            this.tag = tag;
        }

        public String tag() {
            return tag;
        }
    }

    public CommandParser(int maxDepth) {
        this.maxDepth = maxDepth;
    }

    public Tagged parse(RawCommand raw) throws Failure {
        ImapParser p = new ImapParser(raw, maxDepth);
        String tag = "*";
        try {
            tag = p.tag();
            p.sp();
            String name = p.keyword();
            return new Tagged(tag, command(p, name));
        } catch (ParseException e) {
            throw new Failure(tag, e.getMessage());
        }
    }

    private static Command command(ImapParser p, String name) throws ParseException {
        switch (name) {
            case "CAPABILITY" -> {
                p.end();
                return new CapabilityCommand();
            }
            case "NOOP" -> {
                p.end();
                return new NoopCommand();
            }
            case "LOGOUT" -> {
                p.end();
                return new LogoutCommand();
            }
            case "STARTTLS" -> {
                p.end();
                return new StarttlsCommand();
            }
            case "NAMESPACE" -> {
                p.end();
                return new NamespaceCommand();
            }
            case "CHECK" -> {
                p.end();
                return new CheckCommand();
            }
            case "CLOSE" -> {
                p.end();
                return new CloseCommand();
            }
            case "UNSELECT" -> {
                p.end();
                return new UnselectCommand();
            }
            case "IDLE" -> {
                p.end();
                return new IdleCommand();
            }
            case "LOGIN" -> {
                return LoginCommand.parse(p);
            }
            case "AUTHENTICATE" -> {
                return AuthenticateCommand.parse(p);
            }
            case "ENABLE" -> {
                return EnableCommand.parse(p);
            }
            case "ID" -> {
                return IdCommand.parse(p);
            }
            case "SELECT" -> {
                return SelectCommand.parse(p, SelectCommand.Mode.SELECT);
            }
            case "EXAMINE" -> {
                return SelectCommand.parse(p, SelectCommand.Mode.EXAMINE);
            }
            case "CREATE" -> {
                return CreateCommand.parse(p);
            }
            case "DELETE" -> {
                return DeleteCommand.parse(p);
            }
            case "RENAME" -> {
                return RenameCommand.parse(p);
            }
            case "SUBSCRIBE" -> {
                return SubscribeCommand.parse(p);
            }
            case "UNSUBSCRIBE" -> {
                return UnsubscribeCommand.parse(p);
            }
            case "LIST" -> {
                return ListCommand.parse(p);
            }
            case "LSUB" -> {
                return LsubCommand.parse(p);
            }
            case "STATUS" -> {
                return StatusCommand.parse(p);
            }
            case "APPEND" -> {
                return AppendCommand.parse(p);
            }
            case "COMPRESS" -> {
                return CompressCommand.parse(p);
            }
            case "GETQUOTA" -> {
                return GetQuotaCommand.parse(p);
            }
            case "GETQUOTAROOT" -> {
                return GetQuotaRootCommand.parse(p);
            }
            case "SETQUOTA" -> {
                return SetQuotaCommand.parse(p);
            }
            case "UID" -> {
                p.sp();
                return numbered(p, p.keyword(), NumberKind.UID);
            }
            default -> {
                return numbered(p, name, NumberKind.SEQUENCE);
            }
        }
    }

    private static Command numbered(ImapParser p, String name, NumberKind kind) throws ParseException {
        return switch (name) {
            case "FETCH" -> FetchCommand.parse(p, kind);
            case "STORE" -> StoreCommand.parse(p, kind);
            case "SEARCH" -> SearchCommand.parse(p, kind);
            case "COPY" -> CopyCommand.parse(p, kind);
            case "MOVE" -> MoveCommand.parse(p, kind);
            case "SORT" -> SortCommand.parse(p, kind);
            case "THREAD" -> ThreadCommand.parse(p, kind);
            case "EXPUNGE" -> ExpungeCommand.parse(p, kind);
            default -> throw new ParseException("Unknown command " + (kind == NumberKind.UID ? "UID " : "") + name);
        };
    }
}
