package dev.yubin.imap.command;

/** {@code NAMESPACE} (RFC 9051 §6.3.10 (RFC 2342)); takes no arguments. */
public record NamespaceCommand() implements Command {
    @Override
    public Allowed allowed() {
        return Allowed.AUTHENTICATED;
    }
}
