package dev.yubin.imap.command;

/** {@code CLOSE} (RFC 9051 §6.4.1); takes no arguments. */
public record CloseCommand() implements Command {
    @Override
    public Allowed allowed() {
        return Allowed.SELECTED;
    }
}
