package dev.yubin.imap.command;

/** {@code IDLE} (RFC 9051 §6.3.13 (RFC 2177)); takes no arguments. */
public record IdleCommand() implements Command {
    @Override
    public Allowed allowed() {
        return Allowed.AUTHENTICATED;
    }
}
