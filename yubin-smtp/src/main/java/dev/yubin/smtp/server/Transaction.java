package dev.yubin.smtp.server;

import java.util.ArrayList;
import java.util.List;

/**
 * The mail transaction in progress (RFC 5321 §3.3): from MAIL FROM until the end of data, RSET,
 * EHLO/HELO or QUIT. Owned by one session.
 */
public final class Transaction {

    /** How the message data is being sent; DATA and BDAT are not mixed (RFC 3030 §3). */
    public enum DataMode { NONE, DATA, BDAT }

    private final ReversePath sender;
    private final MailParameters parameters;
    private final List<Recipient> recipients = new ArrayList<>();
    private int refusedRecipients;
    private DataMode dataMode = DataMode.NONE;
    private String queueId;
    private long dataDeadlineNanos;

    public Transaction(ReversePath sender, MailParameters parameters) {
        this.sender = sender;
        this.parameters = parameters;
    }

    public ReversePath sender() {
        return sender;
    }

    public MailParameters parameters() {
        return parameters;
    }

    public List<Recipient> recipients() {
        return recipients;
    }

    public void addRecipient(Recipient r) {
        recipients.add(r);
    }

    public void countRefusedRecipient() {
        refusedRecipients++;
    }

    /** RCPT commands that were refused (decides 554 "no valid recipients" vs 503 at DATA). */
    public int refusedRecipients() {
        return refusedRecipients;
    }

    public DataMode dataMode() {
        return dataMode;
    }

    /** Starts the data phase; the queue id and deadline are fixed here. */
    public void startData(DataMode mode, String id, long deadlineNanos) {
        this.dataMode = mode;
        this.queueId = id;
        this.dataDeadlineNanos = deadlineNanos;
    }

    public String queueId() {
        return queueId;
    }

    public long dataDeadlineNanos() {
        return dataDeadlineNanos;
    }

    public Envelope envelope() {
        return new Envelope(sender, parameters, recipients);
    }
}
