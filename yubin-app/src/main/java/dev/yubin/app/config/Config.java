package dev.yubin.app.config;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Map.Entry;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The loaded configuration: every catalogue key with its value from the file or its default.
 * Loading rejects unknown keys and invalid values with a message naming the key, so a typo stops
 * start-up instead of being silently ignored.
 */
public final class Config {
    private final Map<String, Object> values;

    private Config(Map<String, Object> values) {
        this.values = java.util.Collections.unmodifiableMap(new HashMap<>(values));
    }

    /** Built-in defaults only. */
    public static Config defaults() {
        return fromTree(null, "defaults");
    }

    /** Loads a YAML file. @throws ConfigException naming the file and key on any problem */
    public static Config load(Path file) {
        JsonNode root;
        try {
            root = YAMLMapper.builder().build().readTree(Files.readString(file));
        } catch (IOException | JacksonException e) {
            throw new ConfigException(file + ": cannot read configuration: " + firstLine(e.getMessage()));
        }
        if (root != null && !root.isNull() && !root.isMissingNode() && !root.isObject()) {
            throw new ConfigException(file + ": the top level must be a mapping of keys");
        }
        return fromTree(root, file.toString());
    }

    /** Loads from YAML text (tests). */
    public static Config parse(String yaml) {
        JsonNode root;
        try {
            root = YAMLMapper.builder().build().readTree(yaml);
        } catch (JacksonException e) {
            throw new ConfigException("cannot parse configuration: " + firstLine(e.getMessage()));
        }
        return fromTree(root, "<text>");
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }

    private static Config fromTree(JsonNode root, String origin) {
        Map<String, Object> values = new HashMap<>();
        for (Setting s : Catalogue.all()) {
            values.put(s.key(), s.parsedDefault());
        }
        if (root != null && root.isObject()) {
            flatten(root, "", values, origin);
        }
        return new Config(values);
    }

    private static void flatten(JsonNode node, String prefix, Map<String, Object> out, String origin) {
        for (Entry<String, JsonNode> e : node.properties()) {
            String key = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            JsonNode v = e.getValue();
            if (v.isObject()) {
                flatten(v, key, out, origin);
                continue;
            }
            Setting s = Catalogue.lookup(key);
            if (s == null) {
                throw new ConfigException(origin + ": unknown setting '" + key + "' (see: yubin config defaults)");
            }
            if (v.isContainer()) {
                throw new ConfigException(origin + ": setting '" + key + "' must be a single value");
            }
            try {
                out.put(key, s.type().parse(v.isNull() ? "" : v.asString()));
            } catch (IllegalArgumentException ex) {
                throw new ConfigException(origin + ": invalid value for '" + key + "': " + ex.getMessage());
            }
        }
    }

    private Object get(Setting s) {
        return values.get(s.key());
    }

    public String string(Setting s) {
        return (String) get(s);
    }

    public int integer(Setting s) {
        return (Integer) get(s);
    }

    public long size(Setting s) {
        return (Long) get(s);
    }

    public Duration duration(Setting s) {
        return (Duration) get(s);
    }

    public boolean bool(Setting s) {
        return (Boolean) get(s);
    }

    public Path path(Setting s) {
        return (Path) get(s);
    }

    /** Null when the listener is switched off. */
    public InetSocketAddress listen(Setting s) {
        return (InetSocketAddress) get(s);
    }

    /** Renders the catalogue as a commented YAML file with every default. */
    public static String defaultsYaml() {
        StringBuilder sb = new StringBuilder("# Yubin configuration: every setting with its default.\n"
                + "# Keys nest on the dots: smtp.listen is 'listen:' under 'smtp:'.\n");
        String section = "";
        for (Setting s : Catalogue.all()) {
            int dot = s.key().indexOf('.');
            String sec = dot < 0 ? "" : s.key().substring(0, dot);
            String name = dot < 0 ? s.key() : s.key().substring(dot + 1);
            if (!sec.equals(section)) {
                sb.append('\n').append(sec).append(":\n");
                section = sec;
            }
            String indent = sec.isEmpty() ? "" : "  ";
            sb.append(indent).append("# ").append(s.doc()).append(" (").append(s.type().name().toLowerCase()).append(")\n");
            sb.append(indent).append(name).append(": ").append(quote(s.defaultValue())).append('\n');
        }
        return sb.toString();
    }

    private static String quote(String v) {
        return v.isEmpty() || !v.matches("[A-Za-z0-9_./:-]+") ? "\"" + v.replace("\"", "\\\"") + "\"" : v;
    }
}
