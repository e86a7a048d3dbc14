package dev.yubin.app;

/** An operator error in a CLI command: printed as one line, exit status 1. */
public final class CliException extends RuntimeException {
    public CliException(String message) {
        super(message);
    }
}
