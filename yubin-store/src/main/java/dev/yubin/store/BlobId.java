package dev.yubin.store;

/**
 * Name of an immutable message body in the {@link BlobStore}: lower-case hex, 16..128 chars.
 * Content-addressed or random, as the implementation chooses; callers treat it as opaque.
 */
public record BlobId(String value) {
    public BlobId {
        if (value == null || value.length() < 16 || value.length() > 128) {
            throw new IllegalArgumentException("bad blob id");
        }
        for (int i = 0; i < value.length(); i++) { // a loop, not a regex: FETCH builds many of these
            char c = value.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                throw new IllegalArgumentException("bad blob id");
            }
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
