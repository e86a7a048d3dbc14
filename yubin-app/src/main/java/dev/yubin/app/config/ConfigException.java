package dev.yubin.app.config;

/** A configuration problem; the message names the file and key and is shown to the operator as is. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
