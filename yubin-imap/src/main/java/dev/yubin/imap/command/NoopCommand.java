package dev.yubin.imap.command;

/** {@code NOOP} (RFC 9051 §6.1.2); takes no arguments. */
public record NoopCommand() implements Command {
    @Override
    public Allowed allowed() {
        return Allowed.ANY;
    }
}
