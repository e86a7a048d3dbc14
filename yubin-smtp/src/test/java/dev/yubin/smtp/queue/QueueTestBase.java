package dev.yubin.smtp.queue;

import dev.yubin.smtp.client.ScriptedSmtpServer;
import dev.yubin.testkit.dns.TestDnsServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the delivery tests share: a data directory, the test DNS, a scripted receiver and a queue
 * fixture, each set up by the test that needs it and closed after every test.
 */
abstract class QueueTestBase {
    @TempDir
    Path dir;
    TestDnsServer dns;
    ScriptedSmtpServer receiver;
    QueueFixture q;

    @AfterEach
    void closeFixtures() throws Exception {
        if (q != null) {
            q.close();
        }
        if (receiver != null) {
            receiver.close();
        }
        if (dns != null) {
            dns.close();
        }
    }
}
