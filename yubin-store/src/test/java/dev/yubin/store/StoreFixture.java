package dev.yubin.store;

/**
 * What a contract suite needs from an implementation: the three SPI roles over one data
 * directory, and how to close them. One object may fill several roles.
 */
public record StoreFixture(Directory directory, MailboxStore mailboxes, BlobStore blobs, AutoCloseable closer)
        implements AutoCloseable {
    @Override
    public void close() throws Exception {
        closer.close();
    }
}
