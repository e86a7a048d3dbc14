package dev.yubin.imap.command;

/** {@code UNSELECT} (RFC 9051 §6.4.2 (RFC 3691)); takes no arguments. */
public record UnselectCommand() implements Command {
    @Override
    public Allowed allowed() {
        return Allowed.SELECTED;
    }
}
