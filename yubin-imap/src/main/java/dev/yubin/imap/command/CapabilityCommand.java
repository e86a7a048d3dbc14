package dev.yubin.imap.command;

/** {@code CAPABILITY} (RFC 9051 §6.1.1); takes no arguments. */
public record CapabilityCommand() implements Command {
    @Override
    public Allowed allowed() {
        return Allowed.ANY;
    }
}
