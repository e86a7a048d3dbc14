package dev.yubin.app.config;

/**
 * One configuration key, declared once: its dotted kebab-case name as written in the YAML file
 * (section.key), its type, its default in the file's own syntax, and one line of documentation.
 */
public record Setting(String key, SettingType type, String defaultValue, String doc) {
    public Setting {
        if (!key.matches("[a-z0-9]+(-[a-z0-9]+)*(\\.[a-z0-9]+(-[a-z0-9]+)*)*")) {
            throw new IllegalArgumentException("setting key not dotted kebab-case: " + key);
        }
    }

    public Object parsedDefault() {
        return type.parse(defaultValue);
    }
}
