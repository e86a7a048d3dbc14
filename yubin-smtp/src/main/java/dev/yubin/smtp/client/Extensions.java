package dev.yubin.smtp.client;

import java.util.EnumSet;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The service extensions a server announced in its EHLO reply (RFC 5321 §4.1.1.1), those the
 * client uses. HELO (no EHLO) gives {@link #NONE}.
 *
 * @param offered the known keywords announced
 * @param maxSize RFC 1870 SIZE limit when announced with one (0 means no limit)
 */
public record Extensions(Set<Keyword> offered, OptionalLong maxSize) {
    public static final Extensions NONE = new Extensions(Set.of(), OptionalLong.empty());

    /** Extension keywords the client acts on. */
    public enum Keyword { PIPELINING, SIZE, EIGHTBITMIME, SMTPUTF8, CHUNKING, DSN, STARTTLS, ENHANCEDSTATUSCODES, AUTH }

    public Extensions {
        offered = offered.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(offered));
    }

    /** Parses the lines of a positive EHLO reply; the first line is the greeting and is skipped. */
    public static Extensions parse(Reply ehlo) {
        EnumSet<Keyword> set = EnumSet.noneOf(Keyword.class);
        OptionalLong size = OptionalLong.empty();
        for (String line : ehlo.lines().subList(1, ehlo.lines().size())) {
            String[] words = line.trim().split("\\s+");
            String key = words[0].toUpperCase(Locale.ROOT);
            switch (key) {
                case "PIPELINING" -> set.add(Keyword.PIPELINING);
                case "8BITMIME" -> set.add(Keyword.EIGHTBITMIME);
                case "SMTPUTF8" -> set.add(Keyword.SMTPUTF8);
                case "CHUNKING" -> set.add(Keyword.CHUNKING);
                case "DSN" -> set.add(Keyword.DSN);
                case "STARTTLS" -> set.add(Keyword.STARTTLS);
                case "ENHANCEDSTATUSCODES" -> set.add(Keyword.ENHANCEDSTATUSCODES);
                case "AUTH" -> set.add(Keyword.AUTH); // RFC 4954 §3 (mechanisms unused: the client never logs in)
                case "SIZE" -> {
                    set.add(Keyword.SIZE);
                    if (words.length > 1) {
                        try {
                            size = OptionalLong.of(Long.parseLong(words[1]));
                        } catch (NumberFormatException e) {
                            size = OptionalLong.empty(); // RFC 1870 §4: a bad value is no limit we can use
                        }
                    }
                }
                default -> {
                    // not used by this client
                }
            }
        }
        return new Extensions(set, size);
    }

    public boolean has(Keyword k) {
        return offered.contains(k);
    }
}
