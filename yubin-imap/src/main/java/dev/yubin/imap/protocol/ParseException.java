package dev.yubin.imap.protocol;

/** The client sent something that is not valid IMAP syntax: answered with a tagged BAD. */
public final class ParseException extends Exception {
    public ParseException(String message) {
        super(message, null, false, false);
    }
}
