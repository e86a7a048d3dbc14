package dev.yubin.imap.command;

/** {@code CHECK} (RFC 3501 §6.4.1); takes no arguments. */
public record CheckCommand() implements Command {
    @Override
    public Allowed allowed() {
        return Allowed.SELECTED;
    }
}
