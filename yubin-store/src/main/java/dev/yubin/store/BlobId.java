package dev.yubin.store;

/**
 * Name of an immutable message body in the {@link BlobStore}: lower-case hex, 16..128 chars.
 * Content-addressed or random, as the implementation chooses; callers treat it as opaque.
 */
public record BlobId(String value) {
    public BlobId {
        if (value == null || value.length() < 16 || value.length() > 128 || !value.matches("[0-9a-f]+")) {
            throw new IllegalArgumentException("bad blob id");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
