package dev.yubin.imap.server;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.event.MessageCountAdapter;
import jakarta.mail.event.MessageCountEvent;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.SubjectTerm;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.junit.jupiter.api.Test;

/** Angus Mail's IMAP store against the real server. */
class AngusMailInteropTest extends ServerTestBase {

    private Store connect() throws Exception {
        Properties p = new Properties();
        p.put("mail.imap.host", "127.0.0.1");
        p.put("mail.imap.port", Integer.toString(fx.port()));
        p.put("mail.imap.connectiontimeout", "10000");
        p.put("mail.imap.timeout", "10000");
        Store store = Session.getInstance(p).getStore("imap");
        store.connect("alice@example.com", ImapFixture.PASSWORD);
        return store;
    }

    @Test
    void readSearchFlagCopyExpunge() throws Exception {
        fx.deliver(fx.alice, FetchCommandTest.MULTIPART);
        fx.deliver(fx.alice, ImapFixture.message("plain one", "just text"));
        Store store = connect();
        try {
            assertThat(store.getDefaultFolder().list("*")).extracting(Folder::getName).contains("INBOX", "Sent", "Trash");
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            assertThat(inbox.getMessageCount()).isEqualTo(2);
            Message m1 = inbox.getMessage(1);
            assertThat(m1.getSubject()).isEqualTo("Report");
            assertThat(((InternetAddress) m1.getFrom()[0]).getAddress()).isEqualTo("carol@example.org");
            Multipart mp = (Multipart) m1.getContent();
            assertThat(mp.getCount()).isEqualTo(2);
            assertThat(mp.getBodyPart(0).getContent()).isEqualTo("Hello world");
            assertThat(mp.getBodyPart(1).getFileName()).isEqualTo("a.bin");
            assertThat(((UIDFolder) inbox).getUID(inbox.getMessage(2))).isEqualTo(2);
            assertThat(inbox.search(new SubjectTerm("plain"))).hasSize(1);
            inbox.getMessage(2).setFlag(Flags.Flag.FLAGGED, true);
            assertThat(inbox.getMessage(2).isSet(Flags.Flag.FLAGGED)).isTrue();
            inbox.copyMessages(new Message[] {inbox.getMessage(2)}, store.getFolder("Archive"));
            inbox.getMessage(2).setFlag(Flags.Flag.DELETED, true);
            assertThat(inbox.expunge()).hasSize(1);
            assertThat(inbox.getMessageCount()).isEqualTo(1);
            Folder drafts = store.getFolder("Drafts");
            MimeMessage draft = new MimeMessage(Session.getInstance(new Properties()));
            draft.setSubject("draft from angus");
            draft.setText("body");
            drafts.appendMessages(new Message[] {draft});
            drafts.open(Folder.READ_ONLY);
            assertThat(drafts.getMessage(1).getSubject()).isEqualTo("draft from angus");
            drafts.close(false);
            inbox.close(true);
        } finally {
            store.close();
        }
    }

    @Test
    void idleSeesNewMail() throws Exception {
        Store store = connect();
        try {
            IMAPFolder inbox = (IMAPFolder) store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            CountDownLatch added = new CountDownLatch(1);
            inbox.addMessageCountListener(new MessageCountAdapter() {
                @Override
                public void messagesAdded(MessageCountEvent e) {
                    added.countDown();
                }
            });
            Thread idler = Thread.ofVirtual().start(() -> {
                try {
                    inbox.idle(true);
                } catch (Exception e) {
                    // the folder closes at the end of the test
                }
            });
            Thread.sleep(300);
            fx.deliver(fx.alice, ImapFixture.message("pushed", "b"));
            assertThat(added.await(5, TimeUnit.SECONDS)).isTrue();
            idler.join(5000);
            inbox.close(false);
        } finally {
            store.close();
        }
    }
}
