package dev.yubin.store;

/** RFC 5802 §3 verifier: salt, iteration count, StoredKey and ServerKey. */
public record ScramCredential(byte[] salt, int iterations, byte[] storedKey, byte[] serverKey) {
    public ScramCredential {
        if (iterations < 4096) {
            throw new IllegalArgumentException("SCRAM iteration count below 4096"); // RFC 7677 §4
        }
        salt = salt.clone();
        storedKey = storedKey.clone();
        serverKey = serverKey.clone();
    }
}
