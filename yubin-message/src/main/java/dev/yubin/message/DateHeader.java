package dev.yubin.message;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;

/**
 * Tolerant parser for Date: header values (RFC 5322 §3.3 and the obsolete forms of §4.3) as found in
 * real mail: optional day name, 2- and 3-digit years, missing seconds, named and military zones,
 * trailing comments, asctime ("Tue Jul  1 10:52:37 2003"), ISO 8601 and "01-Jul-2003" dates.
 * Pure; never throws.
 */
public final class DateHeader {

    private static final String MONTHS = "janfebmaraprmayjunjulaugsepoctnovdec";

    private DateHeader() {
    }

    /** The date with its written offset (UTC when none is given), or empty when it cannot be read. */
    public static Optional<OffsetDateTime> parse(String value) {
        if (value == null || value.isBlank() || value.length() > 200) {
            return Optional.empty();
        }
        int day = -1;
        int month = -1;
        int year = -1;
        int yearDigits = 4;
        int hour = 0;
        int minute = 0;
        int second = 0;
        boolean haveTime = false;
        int offsetSeconds = 0;
        boolean pm = false;
        boolean am = false;
        String v = value.trim();
        int n = v.length();
        int i = 0;
        while (i < n) {
            char c = v.charAt(i);
            if (c == '(') { // RFC 5322 comment, e.g. "(CEST)"
                int close = v.indexOf(')', i);
                i = close < 0 ? n : close + 1;
                continue;
            }
            if (c == ' ' || c == '\t' || c == ',' || c == '\r' || c == '\n') {
                i++;
                continue;
            }
            int start = i;
            if ((c == '+' || c == '-') && i + 1 < n && Character.isDigit(v.charAt(i + 1))) {
                i++;
                while (i < n && (Character.isDigit(v.charAt(i)) || v.charAt(i) == ':')) {
                    i++;
                }
                Integer zone = numericZone(c, v.substring(start + 1, i));
                if (zone != null) {
                    offsetSeconds = zone;
                }
                continue;
            }
            while (i < n && " \t,()\r\n".indexOf(v.charAt(i)) < 0) {
                i++;
            }
            if (i == start) {
                i++; // a stray ')' or similar
                continue;
            }
            String tok = v.substring(start, i);
            int colon = tok.indexOf(':');
            if (tok.length() > 10 && tok.charAt(4) == '-' && (tok.indexOf('T') > 0 || tok.indexOf('t') > 0)) {
                Optional<OffsetDateTime> iso = iso(tok);
                if (iso.isPresent()) {
                    return iso;
                }
            }
            if (colon > 0) {
                int sign = Math.max(tok.indexOf('+', colon), tok.indexOf('-', colon));
                if (sign > 0) { // "10:52:37+0200"
                    Integer zone = numericZone(tok.charAt(sign), tok.substring(sign + 1));
                    if (zone != null) {
                        offsetSeconds = zone;
                    }
                    tok = tok.substring(0, sign);
                }
                String[] hms = tok.split(":");
                if (hms.length < 2 || hms.length > 3) {
                    continue;
                }
                Integer h = number(hms[0]);
                Integer m = number(hms[1]);
                Integer s = hms.length == 3 ? number(hms[2].replaceFirst("[.,].*$", "")) : Integer.valueOf(0);
                if (h != null && m != null && s != null) {
                    hour = h;
                    minute = m;
                    second = Math.min(s, 59);
                    haveTime = true;
                }
            } else if (tok.length() >= 8 && tok.indexOf('-') > 0 && Character.isDigit(tok.charAt(0))) {
                String[] dmy = tok.split("-");
                if (dmy.length == 3) {
                    Integer a = number(dmy[0]);
                    Integer y = number(dmy[2]);
                    int mo = month(dmy[1]);
                    Integer moNum = number(dmy[1]);
                    if (a != null && y != null && mo >= 0) { // 01-Jul-2003
                        day = a;
                        month = mo;
                        year = y;
                        yearDigits = dmy[2].length();
                    } else if (a != null && y != null && moNum != null && dmy[0].length() == 4) { // 2003-07-01
                        year = a;
                        month = moNum;
                        day = y;
                    }
                }
            } else if (Character.isDigit(tok.charAt(0))) {
                Integer num = number(tok);
                if (num == null) {
                    continue;
                }
                if (day < 0 && tok.length() <= 2 && num >= 1 && num <= 31) {
                    day = num;
                } else if (year < 0) {
                    year = num;
                    yearDigits = tok.length();
                }
            } else {
                String t = tok.toLowerCase(Locale.ROOT);
                int mo = month(t);
                if (mo >= 0 && month < 0) {
                    month = mo;
                } else if (t.equals("pm") || t.equals("p.m.")) {
                    pm = true;
                } else if (t.equals("am") || t.equals("a.m.")) {
                    am = true;
                } else {
                    Integer zone = zone(t);
                    if (zone != null) {
                        offsetSeconds = zone;
                    }
                }
            }
        }
        if (day < 0 || month < 0 || year < 0) {
            return Optional.empty();
        }
        // RFC 5322 §4.3: two-digit years below 50 are 20xx, others and three-digit years are 19xx
        if (yearDigits <= 2) {
            year += year < 50 ? 2000 : 1900;
        } else if (yearDigits == 3) {
            year += 1900;
        }
        if (haveTime && pm && hour < 12) {
            hour += 12;
        } else if (haveTime && am && hour == 12) {
            hour = 0;
        }
        try {
            return Optional.of(OffsetDateTime.of(year, month, day, hour, minute, second, 0,
                    ZoneOffset.ofTotalSeconds(offsetSeconds)));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Integer numericZone(char sign, String digitsWithColon) {
        String digits = digitsWithColon.replace(":", "");
        if (digits.length() != 4 && digits.length() != 2) {
            return null;
        }
        Integer hh = number(digits.substring(0, 2));
        Integer mm = digits.length() == 4 ? number(digits.substring(2)) : Integer.valueOf(0);
        if (hh == null || mm == null || hh > 23 || mm > 59) {
            return null;
        }
        return (sign == '-' ? -1 : 1) * (hh * 3600 + mm * 60);
    }

    private static Optional<OffsetDateTime> iso(String tok) {
        try {
            return Optional.of(OffsetDateTime.parse(tok));
        } catch (DateTimeException e) {
            try {
                return Optional.of(LocalDateTime.parse(tok).atOffset(ZoneOffset.UTC));
            } catch (DateTimeException e2) {
                return Optional.empty();
            }
        }
    }

    private static int month(String t) {
        if (t.length() < 3) {
            return -1;
        }
        int k = MONTHS.indexOf(t.substring(0, 3).toLowerCase(Locale.ROOT));
        return k >= 0 && k % 3 == 0 ? k / 3 + 1 : -1;
    }

    private static Integer number(String s) {
        if (s.isEmpty() || s.length() > 9) {
            return null;
        }
        int v = 0;
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c < '0' || c > '9') {
                return null;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** RFC 5322 §4.3 obsolete zones; military zones other than Z are treated as -0000 as it says. */
    private static Integer zone(String t) {
        return switch (t) {
            case "ut", "utc", "gmt", "z", "wet" -> 0;
            case "edt" -> -4 * 3600;
            case "est", "cdt" -> -5 * 3600;
            case "cst", "mdt" -> -6 * 3600;
            case "mst", "pdt" -> -7 * 3600;
            case "pst" -> -8 * 3600;
            case "bst", "cet", "met", "west" -> 3600;
            case "cest", "mest", "eet" -> 2 * 3600;
            case "eest", "msk" -> 3 * 3600;
            case "ist" -> 5 * 3600 + 1800;
            case "jst", "kst" -> 9 * 3600;
            default -> t.length() == 1 && Character.isLetter(t.charAt(0)) ? 0 : null;
        };
    }
}
