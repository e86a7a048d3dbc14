package dev.yubin.imap.command;

/** {@code LOGOUT} (RFC 9051 §6.1.3); takes no arguments. */
public record LogoutCommand() implements Command {
    @Override
    public Allowed allowed() {
        return Allowed.ANY;
    }
}
