package dev.yubin.net.auth;

import dev.yubin.store.ScramCredential;
import dev.yubin.store.User;

/** A user and the SCRAM-SHA-256 verifier stored for it (RFC 5802 §3). */
public record ScramAccount(User user, ScramCredential credential) {
}
