package dev.yubin.imap.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** GETQUOTAROOT, GETQUOTA, SETQUOTA (RFC 9208). */
class QuotaCommandTest extends ServerTestBase {

    @Test
    void storageQuota() throws Exception {
        fx.store.setQuota(fx.alice.address(), 10L * 1024 * 1024);
        fx.deliver(fx.alice, ImapFixture.message("a", "x".repeat(3000)));
        try (ImapTestClient c = fx.login()) {
            var r = c.ok("GETQUOTAROOT INBOX");
            assertThat(r.get(0)).isEqualTo("* QUOTAROOT \"INBOX\" \"\"");
            assertThat(r.get(1)).matches("\\* QUOTA \"\" \\(STORAGE [1-9]\\d* 10240\\)");
            assertThat(c.ok("GETQUOTA \"\"").get(0)).startsWith("* QUOTA \"\" (STORAGE");
            assertThat(ImapTestClient.last(c.command("SETQUOTA \"\" (STORAGE 1)"))).contains("NO");
        }
    }

    @Test
    void noQuota() throws Exception {
        try (ImapTestClient c = fx.login()) {
            assertThat(c.ok("GETQUOTAROOT INBOX").get(0)).isEqualTo("* QUOTAROOT \"INBOX\"");
            assertThat(ImapTestClient.last(c.command("GETQUOTA \"\""))).contains("NO");
        }
    }
}
