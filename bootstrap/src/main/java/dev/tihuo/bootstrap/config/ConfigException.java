package dev.tihuo.bootstrap.config;

/** Configuration tihuo cannot start with; the message names the setting and never shows a secret. */
public final class ConfigException extends RuntimeException {
    private final String setting;

    public ConfigException(String setting, String problem) {
        super("configuration setting " + setting + " " + problem);
        this.setting = setting;
    }

    public String setting() {
        return setting;
    }
}
