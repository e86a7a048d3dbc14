package dev.yubin.imap.session;

import dev.yubin.net.LineReader;
import java.io.EOFException;
import java.io.IOException;
import java.net.SocketTimeoutException;

/**
 * IDLE (RFC 2177, RFC 9051 §6.3.13): after the continuation, changes to the selected mailbox are
 * pushed as they are committed (by the store notification, from another thread) until DONE.
 */
final class IdleProcessor {
    Result idle(ImapSession s) throws IOException {
        s.lock().lock();
        try {
            s.out().ascii("+ idling").crlf();
            s.setIdling(true);
            if (s.selected() != null) {
                s.selected().poll();
                s.selected().sendUpdates(true);
            }
            s.out().flush();
        } finally {
            s.lock().unlock();
        }
        LineReader.Line line;
        try {
            line = s.in().readLine(false);
        } catch (SocketTimeoutException e) {
            stop(s);
            s.out().ascii("* BYE Autologout; idle for too long").crlf();
            s.out().flush();
            s.logout();
            throw e;
        }
        stop(s);
        if (line.status() == LineReader.Line.Status.EOF) {
            throw new EOFException("closed during IDLE");
        }
        if (!line.ok() || !line.ascii().strip().equalsIgnoreCase("DONE")) {
            return new Result.Bad(null, "Expected DONE");
        }
        s.lock().lock();
        try {
            if (s.selected() != null) {
                s.selected().sendUpdates(true);
            }
        } finally {
            s.lock().unlock();
        }
        return Result.ok("IDLE terminated");
    }

    private static void stop(ImapSession s) {
        s.lock().lock();
        try {
            s.setIdling(false);
        } finally {
            s.lock().unlock();
        }
    }
}
