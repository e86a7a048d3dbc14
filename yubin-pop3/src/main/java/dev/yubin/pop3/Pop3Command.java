package dev.yubin.pop3;

import java.io.IOException;
import java.util.Set;

/**
 * One parsed POP3 command: its arguments are the record's components, {@link #execute} acts on
 * the session and writes the reply. {@link Pop3Session} checks {@link #states()} first.
 */
sealed interface Pop3Command permits UserCommand, PassCommand, AuthCommand, StlsCommand, CapaCommand,
        Utf8Command, StatCommand, ListCommand, UidlCommand, RetrCommand, TopCommand, DeleCommand, NoopCommand,
        RsetCommand, QuitCommand {

    /** The states in which the command is valid (RFC 1939 §3). */
    Set<Pop3State> states();

    void execute(Pop3Session session) throws IOException;
}
