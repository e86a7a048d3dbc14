/**
 * Delivery status notifications: {@link dev.yubin.smtp.dsn.DsnMessage} writes RFC 3464 reports
 * ({@code multipart/report}, RFC 6522) from a {@link dev.yubin.smtp.dsn.DeliveryReport};
 * {@link dev.yubin.smtp.dsn.Action#wantedBy} applies RFC 3461 NOTIFY. The outbound queue decides
 * when to report and sends the result (locally or through the queue, with the null sender).
 *
 * <p>RFCs: RFC 3464 (format), RFC 3461 (NOTIFY, RET, ENVID, ORCPT), RFC 3463 (status codes),
 * RFC 6522 (multipart/report), RFC 3834 §5 (Auto-Submitted), RFC 5321 §6.1 (never report to the
 * null reverse path).
 *
 * <p>Invariants: a report is never addressed to the null sender ({@link dev.yubin.smtp.dsn.DeliveryReport}
 * refuses it); every report itself has the null sender; lines stay below 998 octets.
 *
 * <p>Gaps: no message/global-delivery-status (RFC 6533) for SMTPUTF8 messages; reports are in
 * English only.
 */
package dev.yubin.smtp.dsn;
