package dev.yubin.smtp.server;

/**
 * What a filter sees of one received message.
 *
 * @param queueId the id the client will see in {@code 250 2.0.0 Ok: queued as ...}
 * @param message the message with our trace headers
 */
public record FilterContext(ClientInfo client, Envelope envelope, String queueId, MessageSource message) {
}
