package dev.yubin.net.tls;

/** Certificates or keys could not be loaded or generated: a start-up error with a clear message. */
public final class TlsSetupException extends RuntimeException {
    public TlsSetupException(String message, Throwable cause) {
        super(message, cause);
    }

    public TlsSetupException(String message) {
        super(message);
    }
}
