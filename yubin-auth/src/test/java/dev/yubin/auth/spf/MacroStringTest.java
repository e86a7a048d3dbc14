package dev.yubin.auth.spf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 7208 §7.4 examples. */
class MacroStringTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "%{s}|strong-bad@email.example.com",
        "%{o}|email.example.com",
        "%{d4}|email.example.com",
        "%{d2}|example.com",
        "%{d1}|com",
        "%{dr}|com.example.email",
        "%{d2r}|example.email",
        "%{l-}|strong.bad",
        "%{lr}|strong-bad",
        "%{lr-}|bad.strong",
        "%{l1r-}|strong",
        "%{ir}.%{v}._spf.%{d2}|3.2.0.192.in-addr._spf.example.com",
        "%{lr-}.lp.%{ir}.%{v}._spf.%{d2}|bad.strong.lp.3.2.0.192.in-addr._spf.example.com",
        "%{ir}.%{v}.%{l1r-}.lp._spf.%{d2}|3.2.0.192.in-addr.strong.lp._spf.example.com",
        "%{d2}.trusted-domains.example.net|example.com.trusted-domains.example.net",
        "%%%_%-|% %20",
    })
    void expandsTheRfcExamples(String macro, String expected) throws Exception {
        assertThat(expand(macro, "192.0.2.3")).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "%{ir}.%{v}._spf.%{d2}|1.0.b.c.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6._spf.example.com",
    })
    void expandsIpv6(String macro, String expected) throws Exception {
        assertThat(expand(macro, "2001:db8::cb01")).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"%{x}", "%{d0}", "%", "%a", "%{d", "%{c}", "a b"})
    void rejectsBadSyntaxInDomainSpecs(String macro) {
        assertThatThrownBy(() -> MacroString.parse(macro, MacroString.Use.DOMAIN_SPEC))
                .isInstanceOf(SpfSyntaxException.class);
    }

    private static String expand(String macro, String ip) throws Exception {
        InetAddress addr = InetAddress.getByName(ip);
        return MacroString.parse(macro, MacroString.Use.DOMAIN_SPEC).expand(letter -> switch (letter) {
            case 's' -> "strong-bad@email.example.com";
            case 'l' -> "strong-bad";
            case 'o', 'd' -> "email.example.com";
            case 'i' -> IpAddresses.dotted(addr);
            case 'v' -> addr.getAddress().length == 4 ? "in-addr" : "ip6";
            default -> "?";
        });
    }
}
