package dev.yubin.smtp.client;

import java.util.List;

/**
 * The outcome of one mail transaction for each recipient, in the order of the envelope: the
 * RCPT reply when it was not positive, else the reply to the end of data (RFC 5321 §3.3: the
 * final reply covers every accepted recipient). A positive reply means delivered.
 */
public record TransactionResult(List<Reply> perRecipient) {
    public TransactionResult {
        perRecipient = List.copyOf(perRecipient);
    }

    /** The same reply for every one of {@code n} recipients (MAIL refused, local decisions). */
    public static TransactionResult all(Reply reply, int n) {
        return new TransactionResult(java.util.Collections.nCopies(n, reply));
    }
}
