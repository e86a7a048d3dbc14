package dev.yubin.smtp.server;

import java.io.IOException;
import java.io.InputStream;

/** Read access to a received message (trace headers included) for filters. */
public interface MessageSource {
    /** Octets of the message. */
    long size();

    /** A fresh stream over the whole message; the caller closes it. */
    InputStream open() throws IOException;

    /** The whole message in a new array (for checkers that work on bytes, e.g. DKIM). */
    default byte[] readAllBytes() throws IOException {
        try (InputStream in = open()) {
            return in.readAllBytes();
        }
    }
}
