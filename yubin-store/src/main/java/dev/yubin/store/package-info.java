/**
 * The storage SPI: {@link dev.yubin.store.Directory} (domains, users, credentials, aliases),
 * {@link dev.yubin.store.MailboxStore} (the IMAP data model) and {@link dev.yubin.store.BlobStore}
 * (immutable bodies). Protocol servers see only these interfaces; implementations live in
 * {@code yubin-store-sql}. Contract suites in this module's test-jar
 * ({@code DirectoryContract}, {@code MailboxStoreContract} with its second part
 * {@code MailboxStoreMoreContract}, {@code BlobStoreContract}; fixtures via {@code StoreFixture})
 * are run by every implementation.
 *
 * <p>RFCs: 9051/3501 (mailbox model), 7162 (MODSEQ), 4315 (UIDPLUS), 6154 (special use),
 * 9208 (quota). Invariants: see each interface. Known gaps: no shared folders or ACLs; the outbound
 * queue store arrives with the sending issue.
 */
package dev.yubin.store;
