package dev.yubin.app.config;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/** The value types a setting can have, each with its parser from YAML scalars. */
public enum SettingType {
    STRING, INT, BOOLEAN,
    /** Bytes, with optional suffix k/m/g (powers of 1024): {@code 10m}. */
    SIZE,
    /** A duration: {@code 300s}, {@code 5m}, {@code 2h}, {@code 500ms}, {@code 1d}. */
    DURATION,
    /** {@code host:port} or {@code [v6]:port}; an empty string disables the listener. */
    LISTEN_ADDRESS,
    PATH;

    /** Parses a YAML scalar (already a String, Integer, Long or Boolean); throws with a readable reason. */
    Object parse(Object raw) {
        String s = String.valueOf(raw).strip();
        return switch (this) {
            case STRING -> s;
            case INT -> {
                try {
                    yield Integer.parseInt(s);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("expected a whole number, got '" + s + "'");
                }
            }
            case BOOLEAN -> switch (s.toLowerCase(Locale.ROOT)) {
                case "true", "yes", "on" -> Boolean.TRUE;
                case "false", "no", "off" -> Boolean.FALSE;
                default -> throw new IllegalArgumentException("expected true or false, got '" + s + "'");
            };
            case SIZE -> parseSize(s);
            case DURATION -> parseDuration(s);
            case LISTEN_ADDRESS -> parseAddress(s);
            case PATH -> Path.of(s);
        };
    }

    static long parseSize(String s) {
        String t = s.toLowerCase(Locale.ROOT);
        long mult = 1;
        if (t.endsWith("b")) {
            t = t.substring(0, t.length() - 1);
        }
        if (t.endsWith("k")) {
            mult = 1024;
        } else if (t.endsWith("m")) {
            mult = 1024L * 1024;
        } else if (t.endsWith("g")) {
            mult = 1024L * 1024 * 1024;
        }
        if (mult != 1) {
            t = t.substring(0, t.length() - 1);
        }
        try {
            long v = Long.parseLong(t.strip());
            if (v < 0) {
                throw new NumberFormatException();
            }
            return Math.multiplyExact(v, mult);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("expected a size such as 10485760, 512k or 10m, got '" + s + "'");
        }
    }

    static Duration parseDuration(String s) {
        String t = s.toLowerCase(Locale.ROOT).strip();
        try {
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            }
            long n = Long.parseLong(t.substring(0, t.length() - 1));
            return switch (t.charAt(t.length() - 1)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                case 'd' -> Duration.ofDays(n);
                default -> throw new NumberFormatException();
            };
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("expected a duration such as 300s, 5m, 4h or 500ms, got '" + s + "'");
        }
    }

    static InetSocketAddress parseAddress(String s) {
        if (s.isEmpty() || s.equals("off") || s.equals("false")) {
            return null;
        }
        int colon = s.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("expected host:port, got '" + s + "'");
        }
        String host = s.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(s.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad port in '" + s + "'");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range in '" + s + "'");
        }
        return new InetSocketAddress(host, port);
    }
}
