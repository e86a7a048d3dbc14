package dev.yubin.app.cli;

import dev.yubin.app.CliException;
import dev.yubin.app.Stores;
import dev.yubin.core.EmailAddress;
import dev.yubin.store.Passwords;
import dev.yubin.store.User;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code yubin user add|list|passwd|remove}. Passwords are read from the terminal or stdin, never argv. */
@Command(name = "user", description = "Manage mail users.", mixinStandardHelpOptions = true,
        subcommands = {UserCommand.Add.class, UserCommand.ListUsers.class, UserCommand.Passwd.class,
                UserCommand.Remove.class})
public final class UserCommand {

    /** Reads a password: first line of stdin with --password-stdin, else twice from the terminal. */
    static String readPassword(boolean fromStdin) {
        String pw;
        if (fromStdin) {
            try {
                pw = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            } catch (IOException e) {
                throw new CliException("cannot read password from stdin: " + e.getMessage());
            }
            if (pw == null) {
                throw new CliException("no password on stdin");
            }
        } else {
            Console c = System.console();
            if (c == null) {
                throw new CliException("no terminal to ask for the password: use --password-stdin");
            }
            char[] a = c.readPassword("Password: ");
            char[] b = c.readPassword("Again: ");
            if (a == null || b == null || !Arrays.equals(a, b)) {
                throw new CliException("passwords do not match");
            }
            pw = new String(a);
        }
        if (pw.isEmpty()) {
            throw new CliException("empty password");
        }
        if (pw.length() > 1024) {
            throw new CliException("password longer than 1024 characters");
        }
        return pw;
    }

    @Command(name = "add", description = "Add a user (creates INBOX, Sent, Drafts, Trash, Junk, Archive).")
    static final class Add implements Runnable {
        @Mixin
        ConfigOptions config;
        @Parameters(paramLabel = "ADDRESS")
        String address;
        @Option(names = "--password-stdin", description = "Read the password from the first line of stdin.")
        boolean passwordStdin;
        @Option(names = "--quota", paramLabel = "BYTES", description = "Storage quota in bytes (0 = unlimited).")
        long quota;

        @Override
        public void run() {
            EmailAddress a = EmailAddress.parse(address);
            String pw = readPassword(passwordStdin);
            var creds = Passwords.create(pw);
            try (Stores s = Stores.open(config.load())) {
                s.directory().addUser(a, creds);
                if (quota > 0) {
                    s.directory().setQuota(a, quota);
                }
            }
            System.out.println("added user " + a);
        }
    }

    @Command(name = "list", description = "List users.")
    static final class ListUsers implements Runnable {
        @Mixin
        ConfigOptions config;

        @Override
        public void run() {
            try (Stores s = Stores.open(config.load())) {
                for (User u : s.directory().users()) {
                    System.out.println(u.address() + (u.quotaBytes() > 0 ? "\tquota=" + u.quotaBytes() : ""));
                }
            }
        }
    }

    @Command(name = "passwd", description = "Change a user's password.")
    static final class Passwd implements Runnable {
        @Mixin
        ConfigOptions config;
        @Parameters(paramLabel = "ADDRESS")
        String address;
        @Option(names = "--password-stdin", description = "Read the password from the first line of stdin.")
        boolean passwordStdin;

        @Override
        public void run() {
            EmailAddress a = EmailAddress.parse(address);
            try (Stores s = Stores.open(config.load())) {
                if (s.directory().user(a).isEmpty()) {
                    throw new CliException("no such user: " + a);
                }
                s.directory().setCredentials(a, Passwords.create(readPassword(passwordStdin)));
            }
            System.out.println("password changed for " + a);
        }
    }

    @Command(name = "remove", description = "Remove a user with all of its mail.")
    static final class Remove implements Runnable {
        @Mixin
        ConfigOptions config;
        @Parameters(paramLabel = "ADDRESS")
        String address;

        @Override
        public void run() {
            EmailAddress a = EmailAddress.parse(address);
            try (Stores s = Stores.open(config.load())) {
                s.directory().removeUser(a);
            }
            System.out.println("removed user " + a);
        }
    }
}
