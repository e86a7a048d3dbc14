package dev.yubin.imap.protocol;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoField;

/** IMAP {@code date} and {@code date-time} forms (RFC 9051 §9). */
public final class ImapDates {
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
        "Nov", "Dec"};

    private ImapDates() {
    }

    public static LocalDate parseDate(String s) throws ParseException {
        String[] p = s.split("-");
        if (p.length != 3 || p[0].isEmpty() || p[0].length() > 2 || p[2].length() != 4) {
            throw new ParseException("Invalid date");
        }
        try {
            int day = Integer.parseInt(p[0]);
            int year = Integer.parseInt(p[2]);
            int month = month(p[1]);
            return LocalDate.of(year, month, day);
        } catch (RuntimeException e) {
            throw new ParseException("Invalid date");
        }
    }

    public static ZonedDateTime parseDateTime(String s) throws ParseException {
        String t = s.length() > 0 && s.charAt(0) == ' ' ? "0" + s.substring(1) : s;
        try {
            if (t.length() != 26) {
                throw new ParseException("Invalid date-time");
            }
            LocalDate d = parseDate(t.substring(0, 11));
            int h = Integer.parseInt(t.substring(12, 14));
            int m = Integer.parseInt(t.substring(15, 17));
            int sec = Integer.parseInt(t.substring(18, 20));
            String z = t.substring(21);
            int sign = z.charAt(0) == '-' ? -1 : 1;
            if (z.charAt(0) != '+' && z.charAt(0) != '-') {
                throw new ParseException("Invalid date-time zone");
            }
            int zh = Integer.parseInt(z.substring(1, 3));
            int zm = Integer.parseInt(z.substring(3, 5));
            ZoneOffset off = ZoneOffset.ofHoursMinutes(sign * zh, sign * zm);
            return ZonedDateTime.of(d.getYear(), d.getMonthValue(), d.getDayOfMonth(), h, m, sec, 0, off);
        } catch (RuntimeException e) {
            throw new ParseException("Invalid date-time");
        }
    }

    private static int month(String m) throws ParseException {
        for (int i = 0; i < 12; i++) {
            if (MONTHS[i].equalsIgnoreCase(m)) {
                return i + 1;
            }
        }
        throw new ParseException("Invalid month");
    }

    /** Formats an INTERNALDATE as {@code "dd-MMM-yyyy HH:mm:ss +0000"} (UTC). */
    public static String format(java.time.Instant instant) {
        ZonedDateTime z = instant.atZone(ZoneOffset.UTC);
        StringBuilder sb = new StringBuilder(26);
        int d = z.get(ChronoField.DAY_OF_MONTH);
        if (d < 10) {
            sb.append('0');
        }
        sb.append(d).append('-').append(MONTHS[z.getMonthValue() - 1]).append('-').append(z.getYear()).append(' ');
        two(sb, z.getHour()).append(':');
        two(sb, z.getMinute()).append(':');
        two(sb, z.getSecond()).append(" +0000");
        return sb.toString();
    }

    private static StringBuilder two(StringBuilder sb, int v) {
        if (v < 10) {
            sb.append('0');
        }
        return sb.append(v);
    }

}
