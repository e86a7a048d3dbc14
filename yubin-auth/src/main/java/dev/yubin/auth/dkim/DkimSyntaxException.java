package dev.yubin.auth.dkim;

/** A malformed tag list, signature or key record. */
public final class DkimSyntaxException extends Exception {

    public DkimSyntaxException(String message) {
        super(message, null, false, false);
    }
}
