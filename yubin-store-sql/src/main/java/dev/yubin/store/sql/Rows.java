package dev.yubin.store.sql;

import dev.yubin.core.EmailAddress;
import dev.yubin.store.BlobId;
import dev.yubin.store.Credentials;
import dev.yubin.store.Mailbox;
import dev.yubin.store.MailboxId;
import dev.yubin.store.MessageRecord;
import dev.yubin.store.ScramCredential;
import dev.yubin.store.SpecialUse;
import dev.yubin.store.User;
import dev.yubin.store.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;

/** Column lists and row mappers shared by the SQL store classes. */
final class Rows {
    private Rows() {
    }

    static final String USER_COLUMNS = "id, address, quota_bytes";

    static final RowMapper<User> USER = (rs, ctx) -> new User(new UserId(rs.getLong("id")),
            EmailAddress.parse(rs.getString("address")), rs.getLong("quota_bytes"));

    static final String CREDENTIAL_COLUMNS =
            "password_hash, scram_salt, scram_iterations, scram_stored_key, scram_server_key";

    static final RowMapper<Credentials> CREDENTIALS = (rs, ctx) -> {
        byte[] salt = rs.getBytes("scram_salt");
        Optional<ScramCredential> scram = salt == null ? Optional.empty()
                : Optional.of(new ScramCredential(salt, rs.getInt("scram_iterations"),
                        rs.getBytes("scram_stored_key"), rs.getBytes("scram_server_key")));
        return new Credentials(rs.getString("password_hash"), scram);
    };

    static final String MAILBOX_COLUMNS =
            "id, owner_id, name, special_use, uidvalidity, uidnext, highestmodseq";

    static final RowMapper<Mailbox> MAILBOX = (rs, ctx) -> {
        String use = rs.getString("special_use");
        return new Mailbox(new MailboxId(rs.getLong("id")), new UserId(rs.getLong("owner_id")),
                rs.getString("name"), use == null ? Optional.empty() : Optional.of(SpecialUse.valueOf(use)),
                rs.getLong("uidvalidity"), rs.getLong("uidnext"), rs.getLong("highestmodseq"));
    };

    /** Columns for {@link #MESSAGE}, from {@code messages m JOIN blobs b}. */
    static final String MESSAGE_COLUMNS =
            "m.uid, m.modseq, m.sysflags, m.keywords, m.internal_date, m.size, b.name AS blob";

    static final RowMapper<MessageRecord> MESSAGE = (rs, ctx) -> message(rs);

    /** Reads a row of {@link #MESSAGE_COLUMNS} by position (name lookups cost per row in sqlite-jdbc). */
    static MessageRecord message(ResultSet rs) throws SQLException {
        Flags flags = new Flags(rs.getInt(3), rs.getString(4));
        return new MessageRecord(rs.getLong(1), rs.getLong(2), flags.toSet(), Instant.ofEpochSecond(rs.getLong(5)),
                rs.getLong(6), new BlobId(rs.getString(7)));
    }

    /** INBOX is case-insensitive (RFC 9051 §5.1); every other name is kept as given. */
    static String mailboxName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("empty mailbox name");
        }
        return Mailbox.INBOX.equalsIgnoreCase(name) ? Mailbox.INBOX : name;
    }
}
