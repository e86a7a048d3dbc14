package dev.yubin.store;

import java.util.Optional;

/**
 * What the directory keeps to check a password, never the password itself.
 *
 * @param passwordHash PHC-format Argon2id hash ({@code $argon2id$v=19$m=...,t=...,p=...$salt$hash})
 * @param scramSha256 SCRAM-SHA-256 verifier (RFC 7677), derived from the same password at set time
 */
public record Credentials(String passwordHash, Optional<ScramCredential> scramSha256) {
    public Credentials {
        if (passwordHash == null || !passwordHash.startsWith("$")) {
            throw new IllegalArgumentException("password hash must be in PHC format");
        }
    }
}
