package dev.yubin.message;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;

/**
 * The compact JSON form of a {@link MessageSummary}. Written by hand (one StringBuilder), read with
 * Jackson's streaming parser: no data binding, no reflection, so reading 10,000 summaries for one
 * FETCH stays cheap. Short keys; fields holding their default value are omitted.
 *
 * <pre>
 * summary: {"v":1,"hl":headerLength,"d":[epochSecond,offsetSeconds],"H":{header:value},"b":part}
 * part:    {"t":type,"s":subtype,"p":[name,value,...],"i":id,"ds":description,"e":encoding,
 *           "l":lines,"m":md5,"dp":disposition,"dq":[name,value,...],"la":[tag,...],"lo":location,
 *           "c":[part,...],"H":{nested message headers},"B":nested message part,"o":[headerStart,bodyStart,end]}
 * </pre>
 */
final class SummaryJson {

    /** Two JSON levels per MIME level ({"c":[{...}]}), so the default nesting limit is too low. */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(4 * MessageLimits.MAX_MIME_DEPTH + 16).build())
            .build();

    private SummaryJson() {
    }

    static String write(MessageSummary s) {
        StringBuilder b = new StringBuilder(512);
        b.append("{\"v\":1,\"hl\":").append(s.headerLength());
        OffsetDateTime d = s.sentDateOrNull();
        if (d != null) {
            b.append(",\"d\":[").append(d.toEpochSecond()).append(',').append(d.getOffset().getTotalSeconds()).append(']');
        }
        if (!s.headers().isEmpty()) {
            b.append(",\"H\":");
            writeHeaders(b, s.headers());
        }
        b.append(",\"b\":");
        writePart(b, s.body());
        return b.append('}').toString();
    }

    private static void writeHeaders(StringBuilder b, Map<String, String> headers) {
        b.append('{');
        boolean first = true;
        for (String name : MessageSummary.CACHED_HEADERS) {
            String v = headers.get(name);
            if (v != null) {
                if (!first) {
                    b.append(',');
                }
                first = false;
                string(b, name).append(':');
                string(b, v);
            }
        }
        b.append('}');
    }

    private static void writePart(StringBuilder b, BodyPart p) {
        b.append("{\"t\":");
        string(b, p.type()).append(",\"s\":");
        string(b, p.subtype());
        params(b, "p", p.params());
        opt(b, "i", p.id());
        opt(b, "ds", p.description());
        if (!"7bit".equals(p.encoding())) {
            opt(b, "e", p.encoding());
        }
        if (p.lines() != 0) {
            b.append(",\"l\":").append(p.lines());
        }
        opt(b, "m", p.md5());
        opt(b, "dp", p.disposition());
        params(b, "dq", p.dispositionParams());
        if (!p.language().isEmpty()) {
            b.append(",\"la\":[");
            for (int i = 0; i < p.language().size(); i++) {
                if (i > 0) {
                    b.append(',');
                }
                string(b, p.language().get(i));
            }
            b.append(']');
        }
        opt(b, "lo", p.location());
        if (!p.children().isEmpty()) {
            b.append(",\"c\":[");
            for (int i = 0; i < p.children().size(); i++) {
                if (i > 0) {
                    b.append(',');
                }
                writePart(b, p.children().get(i));
            }
            b.append(']');
        }
        if (p.message() != null) {
            b.append(",\"E\":");
            writeEnvelope(b, p.envelope());
            b.append(",\"B\":");
            writePart(b, p.message());
        }
        b.append(",\"o\":[").append(p.headerStart()).append(',').append(p.bodyStart()).append(',')
                .append(p.end()).append("]}");
    }

    private static void writeEnvelope(StringBuilder b, Envelope e) {
        b.append('[');
        nullable(b, e.date()).append(',');
        nullable(b, e.subject()).append(',');
        addresses(b, e.from()).append(',');
        addresses(b, e.sender()).append(',');
        addresses(b, e.replyTo()).append(',');
        addresses(b, e.to()).append(',');
        addresses(b, e.cc()).append(',');
        addresses(b, e.bcc()).append(',');
        nullable(b, e.inReplyTo()).append(',');
        nullable(b, e.messageId()).append(']');
    }

    private static StringBuilder addresses(StringBuilder b, List<Address> list) {
        b.append('[');
        for (int i = 0; i < list.size(); i++) {
            Address a = list.get(i);
            if (i > 0) {
                b.append(',');
            }
            b.append('[');
            nullable(b, a.name()).append(',');
            nullable(b, a.adl()).append(',');
            nullable(b, a.mailbox()).append(',');
            nullable(b, a.host()).append(']');
        }
        return b.append(']');
    }

    private static StringBuilder nullable(StringBuilder b, String s) {
        return s == null ? b.append("null") : string(b, s);
    }

    private static void params(StringBuilder b, String key, List<Param> params) {
        if (params.isEmpty()) {
            return;
        }
        b.append(",\"").append(key).append("\":[");
        for (int i = 0; i < params.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            string(b, params.get(i).name()).append(',');
            string(b, params.get(i).value());
        }
        b.append(']');
    }

    private static void opt(StringBuilder b, String key, String value) {
        if (value != null) {
            b.append(",\"").append(key).append("\":");
            string(b, value);
        }
    }

    static StringBuilder string(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                b.append("\\u");
                String hex = Integer.toHexString(c);
                b.append("0000", hex.length(), 4).append(hex);
            } else {
                b.append(c);
            }
        }
        return b.append('"');
    }

    static MessageSummary read(String json) {
        try (JsonParser p = FACTORY.createParser(json)) {
            expect(p, JsonToken.START_OBJECT);
            long hl = 0;
            OffsetDateTime date = null;
            Map<String, String> headers = Map.of();
            BodyPart body = null;
            String name;
            while ((name = p.nextName()) != null) {
                switch (name) {
                    case "hl" -> hl = longValue(p);
                    case "d" -> {
                        expect(p, JsonToken.START_ARRAY);
                        long epoch = longValue(p);
                        int offset = (int) longValue(p);
                        expect(p, JsonToken.END_ARRAY);
                        ZoneOffset zone = ZoneOffset.ofTotalSeconds(offset);
                        date = OffsetDateTime.ofInstant(Instant.ofEpochSecond(epoch), zone);
                    }
                    case "H" -> headers = readHeaders(p);
                    case "b" -> body = readPart(p);
                    default -> skip(p);
                }
            }
            if (body == null) {
                throw new IllegalArgumentException("message summary without body");
            }
            return new MessageSummary(hl, headers, body, date);
        } catch (JacksonException | java.time.DateTimeException e) {
            throw new IllegalArgumentException("bad message summary JSON: " + e.getMessage(), e);
        }
    }

    private static Map<String, String> readHeaders(JsonParser p) {
        expect(p, JsonToken.START_OBJECT);
        Map<String, String> m = new HashMap<>(16);
        String name;
        while ((name = p.nextName()) != null) {
            m.put(name, stringValue(p));
        }
        return m;
    }

    private static BodyPart readPart(JsonParser p) {
        expect(p, JsonToken.START_OBJECT);
        return readPartFields(p);
    }

    /** Reads a part whose START_OBJECT was already consumed. */
    private static BodyPart readPartFields(JsonParser p) {
        String type = "text";
        String subtype = "plain";
        List<Param> params = List.of();
        String id = null;
        String description = null;
        String encoding = "7bit";
        long lines = 0;
        String md5 = null;
        String disposition = null;
        List<Param> dispositionParams = List.of();
        List<String> language = List.of();
        String location = null;
        List<BodyPart> children = List.of();
        Envelope envelope = null;
        BodyPart message = null;
        long hs = 0;
        long bs = 0;
        long end = 0;
        String name;
        while ((name = p.nextName()) != null) {
            switch (name) {
                case "t" -> type = stringValue(p);
                case "s" -> subtype = stringValue(p);
                case "p" -> params = readParams(p);
                case "i" -> id = stringValue(p);
                case "ds" -> description = stringValue(p);
                case "e" -> encoding = stringValue(p);
                case "l" -> lines = longValue(p);
                case "m" -> md5 = stringValue(p);
                case "dp" -> disposition = stringValue(p);
                case "dq" -> dispositionParams = readParams(p);
                case "la" -> {
                    expect(p, JsonToken.START_ARRAY);
                    List<String> l = new ArrayList<>(2);
                    while (p.nextToken() == JsonToken.VALUE_STRING) {
                        l.add(p.getString());
                    }
                    language = l;
                }
                case "lo" -> location = stringValue(p);
                case "c" -> {
                    expect(p, JsonToken.START_ARRAY);
                    List<BodyPart> l = new ArrayList<>(4);
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        l.add(readPartFields(p));
                    }
                    children = l;
                }
                case "E" -> envelope = readEnvelope(p);
                case "B" -> message = readPart(p);
                case "o" -> {
                    expect(p, JsonToken.START_ARRAY);
                    hs = longValue(p);
                    bs = longValue(p);
                    end = longValue(p);
                    expect(p, JsonToken.END_ARRAY);
                }
                default -> skip(p);
            }
        }
        if (message != null && envelope == null) {
            envelope = Envelope.EMPTY;
        }
        return new BodyPart(type, subtype, params, id, description, encoding, end - bs, lines, md5,
                disposition, dispositionParams, language, location, children, envelope, message, hs, bs, end);
    }

    private static Envelope readEnvelope(JsonParser p) {
        expect(p, JsonToken.START_ARRAY);
        String date = nullableValue(p);
        String subject = nullableValue(p);
        List<Address> from = readAddresses(p);
        List<Address> sender = readAddresses(p);
        List<Address> replyTo = readAddresses(p);
        List<Address> to = readAddresses(p);
        List<Address> cc = readAddresses(p);
        List<Address> bcc = readAddresses(p);
        String inReplyTo = nullableValue(p);
        String messageId = nullableValue(p);
        expect(p, JsonToken.END_ARRAY);
        return new Envelope(date, subject, from, sender, replyTo, to, cc, bcc, inReplyTo, messageId);
    }

    private static List<Address> readAddresses(JsonParser p) {
        expect(p, JsonToken.START_ARRAY);
        List<Address> l = new ArrayList<>(2);
        while (p.nextToken() == JsonToken.START_ARRAY) {
            Address a = new Address(nullableValue(p), nullableValue(p), nullableValue(p), nullableValue(p));
            expect(p, JsonToken.END_ARRAY);
            l.add(a);
        }
        return l;
    }

    private static String nullableValue(JsonParser p) {
        JsonToken t = p.nextToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t != JsonToken.VALUE_STRING) {
            throw new IllegalArgumentException("bad message summary JSON: expected string got " + t);
        }
        return p.getString();
    }

    private static List<Param> readParams(JsonParser p) {
        expect(p, JsonToken.START_ARRAY);
        List<Param> l = new ArrayList<>(2);
        while (p.nextToken() == JsonToken.VALUE_STRING) {
            String n = p.getString();
            l.add(new Param(n, stringValue(p)));
        }
        return l;
    }

    private static void expect(JsonParser p, JsonToken t) {
        JsonToken got = p.nextToken();
        if (got != t) {
            throw new IllegalArgumentException("bad message summary JSON: expected " + t + " got " + got);
        }
    }

    private static long longValue(JsonParser p) {
        expect(p, JsonToken.VALUE_NUMBER_INT);
        return p.getLongValue();
    }

    private static String stringValue(JsonParser p) {
        expect(p, JsonToken.VALUE_STRING);
        return p.getString();
    }

    private static void skip(JsonParser p) {
        p.nextToken();
        p.skipChildren();
    }
}
