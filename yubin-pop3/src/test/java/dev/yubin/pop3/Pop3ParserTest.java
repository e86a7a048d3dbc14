package dev.yubin.pop3;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class Pop3ParserTest {
    private static Pop3Command ok(String line) {
        return ((Pop3Parser.Parsed.Command) Pop3Parser.parse(line)).command();
    }

    private static String err(String line) {
        return ((Pop3Parser.Parsed.Error) Pop3Parser.parse(line)).reply();
    }

    @Test
    void keywordsAreCaseInsensitive() {
        assertThat(ok("retr 5")).isEqualTo(new RetrCommand("5"));
        assertThat(ok("Top 1 10")).isEqualTo(new TopCommand("1", 10));
        assertThat(ok("list")).isEqualTo(new ListCommand(Optional.empty()));
        assertThat(ok("UIDL 3")).isEqualTo(new UidlCommand(Optional.of("3")));
        assertThat(ok("AUTH PLAIN abc=")).isEqualTo(new AuthCommand(Optional.of("PLAIN"), Optional.of("abc=")));
    }

    @Test
    void passKeepsSpaces() {
        assertThat(ok("PASS a b  c ")).isEqualTo(new PassCommand("a b  c "));
        assertThat(ok("PASS a").toString()).doesNotContain("a]");
    }

    @Test
    void errors() {
        assertThat(err("")).isEqualTo(Pop3Reply.UNKNOWN);
        assertThat(err("XYZZY")).isEqualTo(Pop3Reply.UNKNOWN);
        assertThat(err("RETR")).isEqualTo(Pop3Reply.BAD_SYNTAX);
        assertThat(err("RETR 1 2")).isEqualTo(Pop3Reply.BAD_SYNTAX);
        assertThat(err("QUIT now")).isEqualTo(Pop3Reply.BAD_SYNTAX);
        assertThat(err("TOP 1 x")).isEqualTo(Pop3Reply.BAD_SYNTAX);
        assertThat(err("AUTH a b c")).isEqualTo(Pop3Reply.BAD_SYNTAX);
    }

    @Test
    void randomLinesNeverThrow() {
        java.util.Random rnd = new java.util.Random(4);
        String alphabet = "USERPASTLIDOQNCAHBFG0123456789 =*.\t\0\u00e9-";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder();
            int len = rnd.nextInt(40);
            for (int k = 0; k < len; k++) {
                sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
            }
            assertThat(Pop3Parser.parse(sb.toString())).isNotNull();
        }
    }
}
