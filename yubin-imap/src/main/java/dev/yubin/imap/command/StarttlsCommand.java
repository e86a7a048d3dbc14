package dev.yubin.imap.command;

/** {@code STARTTLS} (RFC 9051 §6.2.1); takes no arguments. */
public record StarttlsCommand() implements Command {
    @Override
    public Allowed allowed() {
        return Allowed.NOT_AUTHENTICATED;
    }
}
