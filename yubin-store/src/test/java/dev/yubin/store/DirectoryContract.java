package dev.yubin.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.yubin.core.Domain;
import dev.yubin.core.EmailAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@link Directory} contract. Subclasses open an implementation over an empty data directory. */
public abstract class DirectoryContract {
    @TempDir
    protected Path dataDir;
    protected StoreFixture fixture;
    protected Directory dir;

    /** Opens the stores over {@code dataDir}; opening the same directory again sees the same data. */
    protected abstract StoreFixture open(Path dataDir) throws Exception;

    /** Cheap credentials for tests (real hashing costs ~50 ms each). */
    protected static final Credentials CREDS = new Credentials("$argon2id$v=19$m=1,t=1,p=1$c2FsdA$aGFzaA", Optional.empty());

    protected static EmailAddress addr(String s) {
        return EmailAddress.parse(s);
    }

    @BeforeEach
    void openStore() throws Exception {
        fixture = open(dataDir);
        dir = fixture.directory();
        dir.addDomain(Domain.parse("example.org"));
    }

    @AfterEach
    void closeStore() throws Exception {
        fixture.close();
    }

    @Test
    void domainsAddListRemove() {
        dir.addDomain(Domain.parse("Example.NET"));
        assertThat(dir.domains()).containsExactly(Domain.parse("example.net"), Domain.parse("example.org"));
        assertThat(dir.isLocalDomain(Domain.parse("example.net"))).isTrue();
        assertThat(dir.isLocalDomain(Domain.parse("other.net"))).isFalse();
        assertThatThrownBy(() -> dir.addDomain(Domain.parse("example.net"))).isInstanceOf(StoreException.Conflict.class);
        dir.removeDomain(Domain.parse("example.net"));
        assertThat(dir.domains()).containsExactly(Domain.parse("example.org"));
        assertThatThrownBy(() -> dir.removeDomain(Domain.parse("example.net"))).isInstanceOf(StoreException.NotFound.class);
    }

    @Test
    void removeDomainRefusedWhileUsersOrAliasesExist() {
        dir.addUser(addr("a@example.org"), CREDS);
        assertThatThrownBy(() -> dir.removeDomain(Domain.parse("example.org"))).isInstanceOf(StoreException.Conflict.class);
        dir.removeUser(addr("a@example.org"));
        dir.addAlias(new Alias("@example.org", List.of(addr("x@elsewhere.net"))));
        assertThatThrownBy(() -> dir.removeDomain(Domain.parse("example.org"))).isInstanceOf(StoreException.Conflict.class);
        dir.removeAlias("@example.org");
        dir.removeDomain(Domain.parse("example.org"));
        assertThat(dir.domains()).isEmpty();
    }

    @Test
    void addUserCreatesDefaultFolders() {
        User u = dir.addUser(addr("Alice@Example.org"), CREDS);
        assertThat(u.address().canonical()).isEqualTo("alice@example.org");
        assertThat(u.quotaBytes()).isZero();
        List<Mailbox> boxes = fixture.mailboxes().mailboxes(u.id());
        assertThat(boxes).extracting(Mailbox::name)
                .containsExactlyInAnyOrder("INBOX", "Sent", "Drafts", "Trash", "Junk", "Archive");
        assertThat(boxes).filteredOn(b -> b.name().equals("Sent")).first()
                .extracting(Mailbox::specialUse).isEqualTo(Optional.of(SpecialUse.SENT));
        assertThat(boxes).filteredOn(b -> b.name().equals("INBOX")).first()
                .extracting(Mailbox::specialUse).isEqualTo(Optional.empty());
        assertThat(boxes).extracting(Mailbox::uidValidity).doesNotHaveDuplicates();
    }

    @Test
    void addUserErrors() {
        assertThatThrownBy(() -> dir.addUser(addr("a@unknown.net"), CREDS)).isInstanceOf(StoreException.NotFound.class);
        dir.addUser(addr("a@example.org"), CREDS);
        assertThatThrownBy(() -> dir.addUser(addr("A@example.org"), CREDS)).isInstanceOf(StoreException.Conflict.class);
        dir.addAlias(new Alias("sales@example.org", List.of(addr("a@example.org"))));
        assertThatThrownBy(() -> dir.addUser(addr("sales@example.org"), CREDS)).isInstanceOf(StoreException.Conflict.class);
    }

    @Test
    void lookupsByAddressAndId() {
        User a = dir.addUser(addr("b@example.org"), CREDS);
        User b = dir.addUser(addr("a@example.org"), CREDS);
        assertThat(dir.user(addr("B@EXAMPLE.ORG"))).contains(a);
        assertThat(dir.user(a.id())).contains(a);
        assertThat(dir.user(addr("c@example.org"))).isEmpty();
        assertThat(dir.user(new UserId(987654))).isEmpty();
        assertThat(dir.users()).containsExactly(b, a);
    }

    @Test
    void credentialsAndQuota() {
        dir.addUser(addr("a@example.org"), CREDS);
        assertThat(dir.credentials(addr("a@example.org")).orElseThrow().passwordHash()).isEqualTo(CREDS.passwordHash());
        ScramCredential scram = new ScramCredential(new byte[] {1, 2}, 4096, new byte[] {3}, new byte[] {4});
        dir.setCredentials(addr("a@example.org"), new Credentials("$argon2id$new", Optional.of(scram)));
        Credentials c = dir.credentials(addr("a@example.org")).orElseThrow();
        assertThat(c.passwordHash()).isEqualTo("$argon2id$new");
        assertThat(c.scramSha256().orElseThrow().salt()).containsExactly(1, 2);
        assertThat(c.scramSha256().orElseThrow().iterations()).isEqualTo(4096);
        assertThat(c.scramSha256().orElseThrow().storedKey()).containsExactly(3);
        assertThat(c.scramSha256().orElseThrow().serverKey()).containsExactly(4);
        dir.setQuota(addr("a@example.org"), 1000);
        assertThat(dir.user(addr("a@example.org")).orElseThrow().quotaBytes()).isEqualTo(1000);
        assertThat(dir.credentials(addr("nobody@example.org"))).isEmpty();
        assertThatThrownBy(() -> dir.setCredentials(addr("nobody@example.org"), CREDS)).isInstanceOf(StoreException.NotFound.class);
        assertThatThrownBy(() -> dir.setQuota(addr("nobody@example.org"), 1)).isInstanceOf(StoreException.NotFound.class);
    }

    @Test
    void realPasswordsVerify() {
        dir.addUser(addr("a@example.org"), Passwords.create("s3cret"));
        Credentials c = dir.credentials(addr("a@example.org")).orElseThrow();
        assertThat(Passwords.verify("s3cret", c)).isTrue();
        assertThat(Passwords.verify("wrong", c)).isFalse();
    }

    @Test
    void removeUser() {
        User u = dir.addUser(addr("a@example.org"), CREDS);
        dir.removeUser(addr("a@example.org"));
        assertThat(dir.user(addr("a@example.org"))).isEmpty();
        assertThat(fixture.mailboxes().mailboxes(u.id())).isEmpty();
        assertThatThrownBy(() -> dir.removeUser(addr("a@example.org"))).isInstanceOf(StoreException.NotFound.class);
        User again = dir.addUser(addr("a@example.org"), CREDS);
        assertThat(again.id()).isNotEqualTo(u.id());
    }

    @Test
    void aliasesAddReplaceListRemove() {
        dir.addUser(addr("a@example.org"), CREDS);
        dir.addAlias(new Alias("Sales@Example.org", List.of(addr("a@example.org"))));
        dir.addAlias(new Alias("sales@example.org", List.of(addr("a@example.org"), addr("x@other.net"))));
        dir.addAlias(new Alias("@example.org", List.of(addr("a@example.org"))));
        assertThat(dir.aliases()).extracting(Alias::source).containsExactly("@example.org", "sales@example.org");
        assertThat(dir.aliases().get(1).targets()).containsExactly(addr("a@example.org"), addr("x@other.net"));
        assertThatThrownBy(() -> dir.addAlias(new Alias("a@example.org", List.of(addr("x@other.net")))))
                .isInstanceOf(StoreException.Conflict.class);
        assertThatThrownBy(() -> dir.addAlias(new Alias("x@unknown.net", List.of(addr("a@example.org")))))
                .isInstanceOf(StoreException.NotFound.class);
        dir.removeAlias("SALES@example.org");
        assertThat(dir.aliases()).extracting(Alias::source).containsExactly("@example.org");
        assertThatThrownBy(() -> dir.removeAlias("sales@example.org")).isInstanceOf(StoreException.NotFound.class);
    }

    @Test
    void resolveUserAliasPlusCatchAllPostmaster() {
        User a = dir.addUser(addr("alice@example.org"), CREDS);
        User b = dir.addUser(addr("bob@example.org"), CREDS);
        assertThat(dir.resolve(addr("ALICE@example.org")).local()).containsExactly(a);
        assertThat(dir.resolve(addr("carol@example.org")).isEmpty()).isTrue();
        assertThat(dir.resolve(addr("alice@other.net")).isEmpty()).isTrue();
        assertThat(dir.resolve(addr("alice+news@example.org")).local()).containsExactly(a);
        dir.addAlias(new Alias("team@example.org", List.of(addr("alice@example.org"), addr("bob@example.org"),
                addr("alice@example.org"), addr("ext@other.net"))));
        Recipients team = dir.resolve(addr("team@example.org"));
        assertThat(team.local()).containsExactly(a, b);
        assertThat(team.forward()).containsExactly(addr("ext@other.net"));
        assertThat(dir.resolve(addr("team+x@example.org")).local()).containsExactly(a, b);
        // postmaster falls back to the domain's first user
        assertThat(dir.resolve(addr("PostMaster@example.org")).local()).containsExactly(a);
        dir.addAlias(new Alias("@example.org", List.of(addr("bob@example.org"))));
        assertThat(dir.resolve(addr("carol@example.org")).local()).containsExactly(b);
        assertThat(dir.resolve(addr("alice@example.org")).local()).as("user beats catch-all").containsExactly(a);
        assertThat(dir.resolve(addr("postmaster@example.org")).local()).as("catch-all beats postmaster rule")
                .containsExactly(b);
    }

    @Test
    void postmasterOfDomainWithoutUsersGoesToAnyUser() {
        dir.addDomain(Domain.parse("empty.net"));
        assertThat(dir.resolve(addr("postmaster@empty.net")).isEmpty()).isTrue();
        User a = dir.addUser(addr("zed@example.org"), CREDS);
        assertThat(dir.resolve(addr("postmaster@empty.net")).local()).containsExactly(a);
    }

    @Test
    void aliasExpansionIsRecursiveAndLoopSafe() {
        User a = dir.addUser(addr("a@example.org"), CREDS);
        dir.addAlias(new Alias("l1@example.org", List.of(addr("l2@example.org"))));
        dir.addAlias(new Alias("l2@example.org", List.of(addr("l3@example.org"), addr("a@example.org"))));
        dir.addAlias(new Alias("l3@example.org", List.of(addr("l1@example.org"), addr("far@other.net"))));
        Recipients r = dir.resolve(addr("l1@example.org"));
        assertThat(r.local()).containsExactly(a);
        assertThat(r.forward()).containsExactly(addr("far@other.net"));
        dir.addAlias(new Alias("self@example.org", List.of(addr("self@example.org"))));
        assertThat(dir.resolve(addr("self@example.org")).isEmpty()).isTrue();
    }

    @Test
    void aliasChainDeeperThanTenIsCut() {
        User a = dir.addUser(addr("a@example.org"), CREDS);
        for (int i = 0; i < 15; i++) {
            dir.addAlias(new Alias("c" + i + "@example.org", List.of(addr("c" + (i + 1) + "@example.org"))));
        }
        dir.addAlias(new Alias("c15@example.org", List.of(addr("a@example.org"))));
        assertThat(dir.resolve(addr("c10@example.org")).local()).containsExactly(a);
        assertThat(dir.resolve(addr("c0@example.org")).isEmpty()).isTrue();
    }

    @Test
    void dataSurvivesReopen() throws Exception {
        User a = dir.addUser(addr("a@example.org"), CREDS);
        dir.addAlias(new Alias("x@example.org", List.of(addr("a@example.org"))));
        fixture.close();
        fixture = open(dataDir);
        dir = fixture.directory();
        assertThat(dir.domains()).containsExactly(Domain.parse("example.org"));
        assertThat(dir.user(addr("a@example.org"))).contains(a);
        assertThat(dir.resolve(addr("x@example.org")).local()).containsExactly(a);
    }
}
