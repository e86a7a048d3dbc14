package dev.yubin.imap.session;

/** How a command ended: the tagged response (RFC 9051 §7.1). */
public sealed interface Result {
    String code();

    String text();

    /** {@code tag OK [code] text}. */
    record Ok(String code, String text) implements Result {
    }

    /** {@code tag NO [code] text}: the command failed. */
    record No(String code, String text) implements Result {
    }

    /** {@code tag BAD [code] text}: the command was not valid here. */
    record Bad(String code, String text) implements Result {
    }

    static Result ok(String text) {
        return new Ok(null, text);
    }

    static Result ok(String code, String text) {
        return new Ok(code, text);
    }
}
