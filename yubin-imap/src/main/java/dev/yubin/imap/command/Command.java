package dev.yubin.imap.command;

/**
 * One parsed IMAP command: a record of its arguments, nothing else. Parsing lives in each record's
 * static {@code parse}; execution lives in the matching processor of {@code dev.yubin.imap.session}.
 */
public sealed interface Command permits AppendCommand, AuthenticateCommand, CapabilityCommand, CheckCommand,
        CloseCommand, CompressCommand, CopyCommand, CreateCommand, DeleteCommand, EnableCommand, ExpungeCommand,
        FetchCommand, GetQuotaCommand, GetQuotaRootCommand, IdCommand, IdleCommand, ListCommand, LoginCommand,
        LogoutCommand, LsubCommand, MoveCommand, NamespaceCommand, NoopCommand, RenameCommand, SearchCommand,
        SelectCommand, SetQuotaCommand, SortCommand, StarttlsCommand, StatusCommand, StoreCommand,
        SubscribeCommand, ThreadCommand, UnselectCommand, UnsubscribeCommand {

    /** The states in which a command is valid (RFC 9051 §3). */
    enum Allowed { ANY, NOT_AUTHENTICATED, AUTHENTICATED, SELECTED }

    Allowed allowed();

    /**
     * Whether untagged EXPUNGE may be sent while this command runs (RFC 9051 §7.5.1: not during
     * FETCH, STORE or SEARCH by sequence number).
     */
    default boolean expungeAllowed() {
        return true;
    }
}
