package dev.yubin.imap.command;

import dev.yubin.imap.protocol.ImapParser;
import dev.yubin.imap.protocol.ParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code LIST [(selection)] reference pattern(s) [RETURN (options)]} (RFC 9051 §6.3.9, LIST-EXTENDED
 * RFC 5258, LIST-STATUS RFC 5819, SPECIAL-USE RFC 6154).
 *
 * @param selection upper-case selection options (SUBSCRIBED, REMOTE, RECURSIVEMATCH, SPECIAL-USE)
 * @param returns upper-case return options (SUBSCRIBED, CHILDREN, SPECIAL-USE, STATUS)
 * @param statusItems STATUS items when {@code RETURN (STATUS (...))} was given
 * @param extended whether any LIST-EXTENDED syntax was used (changes some replies)
 */
public record ListCommand(List<String> selection, String reference, List<String> patterns, List<String> returns,
                          List<String> statusItems, boolean extended) implements Command {
    public ListCommand {
        selection = List.copyOf(selection);
        patterns = List.copyOf(patterns);
        returns = List.copyOf(returns);
        statusItems = List.copyOf(statusItems);
    }

    @Override
    public Allowed allowed() {
        return Allowed.AUTHENTICATED;
    }

    static ListCommand parse(ImapParser p) throws ParseException {
        p.sp();
        List<String> selection = new ArrayList<>();
        boolean extended = false;
        if (p.peekIs('(')) {
            extended = true;
            p.enterList();
            while (!p.leaveList()) {
                p.tryChar(' ');
                selection.add(p.keyword());
            }
            p.sp();
        }
        String ref = p.listMailbox();
        p.sp();
        List<String> patterns = new ArrayList<>();
        if (p.peekIs('(')) {
            extended = true;
            p.enterList();
            while (!p.leaveList()) {
                p.tryChar(' ');
                patterns.add(p.listMailbox());
            }
        } else {
            patterns.add(p.listMailbox());
        }
        List<String> returns = new ArrayList<>();
        List<String> status = new ArrayList<>();
        if (p.tryChar(' ')) {
            if (!p.tryWord("RETURN")) {
                throw new ParseException("Expected RETURN");
            }
            extended = true;
            p.sp();
            p.enterList();
            while (!p.leaveList()) {
                p.tryChar(' ');
                String opt = p.keyword();
                returns.add(opt);
                if (opt.equals("STATUS")) {
                    p.sp();
                    p.enterList();
                    while (!p.leaveList()) {
                        p.tryChar(' ');
                        status.add(p.keyword());
                    }
                }
            }
        }
        p.end();
        return new ListCommand(selection, ref, patterns, returns, status, extended);
    }
}
