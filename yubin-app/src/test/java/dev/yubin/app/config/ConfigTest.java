package dev.yubin.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConfigTest {

    @Test
    void defaultsNeedNoFile() {
        Config c = Config.defaults();
        assertThat(c.size(Catalogue.SMTP_MAX_MESSAGE_SIZE)).isEqualTo(10240000L);
        assertThat(c.listen(Catalogue.SMTP_LISTEN).getPort()).isEqualTo(25);
        assertThat(c.duration(Catalogue.SMTP_TIMEOUT)).isEqualTo(Duration.ofSeconds(300));
    }

    @Test
    void nestedKeysAndSuffixes() {
        Config c = Config.parse("""
                data-dir: /tmp/x
                smtp:
                  listen: 127.0.0.1:2525
                  max-message-size: 25m
                  timeout: 2m
                """);
        assertThat(c.path(Catalogue.DATA_DIR).toString()).isEqualTo("/tmp/x");
        assertThat(c.listen(Catalogue.SMTP_LISTEN).getPort()).isEqualTo(2525);
        assertThat(c.size(Catalogue.SMTP_MAX_MESSAGE_SIZE)).isEqualTo(25L * 1024 * 1024);
        assertThat(c.duration(Catalogue.SMTP_TIMEOUT)).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void listenerCanBeSwitchedOff() {
        assertThat(Config.parse("smtp:\n  listen: off\n").listen(Catalogue.SMTP_LISTEN)).isNull();
    }

    @Test
    void unknownKeyIsNamed() {
        assertThatThrownBy(() -> Config.parse("smtp:\n  max-mesage-size: 1\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("smtp.max-mesage-size");
    }

    @Test
    void invalidValueIsNamed() {
        assertThatThrownBy(() -> Config.parse("smtp:\n  max-recipients: lots\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("smtp.max-recipients")
                .hasMessageContaining("lots");
        assertThatThrownBy(() -> Config.parse("smtp:\n  listen: nowhere\n"))
                .hasMessageContaining("smtp.listen");
    }

    @Test
    void defaultsYamlLoadsBackToDefaults() {
        String yaml = Config.defaultsYaml();
        Config c = Config.parse(yaml);
        for (Setting s : Catalogue.all()) {
            assertThat(yaml).contains(s.doc());
        }
        assertThat(c.size(Catalogue.SMTP_MAX_MESSAGE_SIZE)).isEqualTo(10240000L);
    }
}
