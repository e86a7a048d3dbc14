package dev.yubin.imap.command;

import dev.yubin.imap.protocol.ImapParser;
import dev.yubin.imap.protocol.ParseException;
import java.util.ArrayList;
import java.util.List;

/** Parses one {@code fetch-att} (RFC 9051 §9). */
final class FetchItemParser {
    private FetchItemParser() {
    }

    static FetchItem item(ImapParser p) throws ParseException {
        String k = p.keyword();
        switch (k) {
            case "FLAGS" -> {
                return FetchItem.Simple.FLAGS;
            }
            case "UID" -> {
                return FetchItem.Simple.UID;
            }
            case "INTERNALDATE" -> {
                return FetchItem.Simple.INTERNALDATE;
            }
            case "RFC822.SIZE" -> {
                return FetchItem.Simple.RFC822_SIZE;
            }
            case "ENVELOPE" -> {
                return FetchItem.Simple.ENVELOPE;
            }
            case "BODYSTRUCTURE" -> {
                return FetchItem.Simple.BODYSTRUCTURE;
            }
            case "MODSEQ" -> {
                return FetchItem.Simple.MODSEQ;
            }
            case "RFC822" -> {
                return FetchItem.Simple.RFC822;
            }
            case "RFC822.HEADER" -> {
                return FetchItem.Simple.RFC822_HEADER;
            }
            case "RFC822.TEXT" -> {
                return FetchItem.Simple.RFC822_TEXT;
            }
            case "SAVEDATE" -> {
                return FetchItem.Simple.SAVEDATE;
            }
            case "BODY", "BODY.PEEK" -> {
                if (!p.peekIs('[')) {
                    if (k.equals("BODY.PEEK")) {
                        throw new ParseException("BODY.PEEK needs a section");
                    }
                    return FetchItem.Simple.BODY;
                }
                FetchItem.Section s = section(p);
                long[] partial = partial(p);
                return new FetchItem.BodySection(s, partial[0], partial[1], k.equals("BODY.PEEK"));
            }
            case "BINARY", "BINARY.PEEK" -> {
                String part = binarySection(p);
                long[] partial = partial(p);
                return new FetchItem.Binary(part, partial[0], partial[1], k.equals("BINARY.PEEK"));
            }
            case "BINARY.SIZE" -> {
                return new FetchItem.BinarySize(binarySection(p));
            }
            default -> throw new ParseException("Unknown FETCH item " + k);
        }
    }

    private static String binarySection(ImapParser p) throws ParseException {
        p.expect('[');
        StringBuilder part = new StringBuilder();
        while (!p.tryChar(']')) {
            int c = p.peek();
            if ((c >= '0' && c <= '9') || c == '.') {
                part.append((char) c);
                p.tryChar((char) c);
            } else {
                throw new ParseException("Invalid BINARY section");
            }
        }
        checkPart(part.toString());
        return part.toString();
    }

    private static void checkPart(String part) throws ParseException {
        if (part.isEmpty()) {
            return;
        }
        for (String n : part.split("\\.", -1)) {
            if (n.isEmpty() || n.charAt(0) == '0' || n.length() > 9) {
                throw new ParseException("Invalid section part");
            }
        }
    }

    static FetchItem.Section section(ImapParser p) throws ParseException {
        p.expect('[');
        StringBuilder part = new StringBuilder();
        while (true) {
            int c = p.peek();
            if (c >= '0' && c <= '9') {
                part.append((char) c);
                p.tryChar((char) c);
            } else if (c == '.' && part.length() > 0) {
                p.tryChar('.');
                int d = p.peek();
                if (!(d >= '0' && d <= '9')) {
                    break;
                }
                part.append('.');
            } else {
                break;
            }
        }
        String partStr = part.toString();
        checkPart(partStr);
        if (p.tryChar(']')) {
            return new FetchItem.Section(partStr, FetchItem.Section.Text.ALL, List.of());
        }
        String text = p.keyword();
        FetchItem.Section.Text t = switch (text) {
            case "HEADER" -> FetchItem.Section.Text.HEADER;
            case "HEADER.FIELDS" -> FetchItem.Section.Text.HEADER_FIELDS;
            case "HEADER.FIELDS.NOT" -> FetchItem.Section.Text.HEADER_FIELDS_NOT;
            case "TEXT" -> FetchItem.Section.Text.TEXT;
            case "MIME" -> FetchItem.Section.Text.MIME;
            default -> throw new ParseException("Invalid section " + text);
        };
        if (t == FetchItem.Section.Text.MIME && partStr.isEmpty()) {
            throw new ParseException("MIME needs a part number");
        }
        List<String> fields = new ArrayList<>();
        if (t == FetchItem.Section.Text.HEADER_FIELDS || t == FetchItem.Section.Text.HEADER_FIELDS_NOT) {
            p.sp();
            p.enterList();
            while (!p.leaveList()) {
                p.tryChar(' ');
                fields.add(p.astring());
            }
            if (fields.isEmpty()) {
                throw new ParseException("Empty header list");
            }
        }
        p.expect(']');
        return new FetchItem.Section(partStr, t, fields);
    }

    /** {@code <origin.count>} or {-1, -1}. */
    private static long[] partial(ImapParser p) throws ParseException {
        if (!p.tryChar('<')) {
            return new long[] {-1, -1};
        }
        long origin = p.number();
        p.expect('.');
        long count = p.nzNumber();
        p.expect('>');
        return new long[] {origin, count};
    }
}
