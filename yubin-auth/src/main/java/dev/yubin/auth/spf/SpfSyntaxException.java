package dev.yubin.auth.spf;

/** A record, term or macro that does not follow the RFC 7208 grammar: the check ends in permerror. */
final class SpfSyntaxException extends Exception {

    SpfSyntaxException(String message) {
        super(message, null, false, false);
    }
}
