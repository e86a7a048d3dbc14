package dev.yubin.net.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class CleartextPolicyTest {
    private static ClientChannel plain(String ip) throws Exception {
        return new ClientChannel(InetAddress.getByName(ip), ClientChannel.Security.PLAINTEXT);
    }

    private static ClientChannel tls(String ip) throws Exception {
        return new ClientChannel(InetAddress.getByName(ip), ClientChannel.Security.TLS);
    }

    @Test
    void loopbackOnlyIsTheDefault() throws Exception {
        CleartextPolicy p = CleartextPolicy.DEFAULT;
        assertThat(p).isEqualTo(CleartextPolicy.LOOPBACK_ONLY);
        assertThat(p.allows(plain("127.0.0.1"))).isTrue();
        assertThat(p.allows(plain("127.1.2.3"))).isTrue();
        assertThat(p.allows(plain("::1"))).isTrue();
        assertThat(p.allows(plain("192.0.2.7"))).isFalse();
        assertThat(p.allows(tls("192.0.2.7"))).isTrue();
    }

    @Test
    void neverAndAlways() throws Exception {
        assertThat(CleartextPolicy.NEVER.allows(plain("127.0.0.1"))).isFalse();
        assertThat(CleartextPolicy.NEVER.allows(tls("127.0.0.1"))).isTrue();
        assertThat(CleartextPolicy.ALWAYS.allows(plain("192.0.2.7"))).isTrue();
    }

    @Test
    void parsesSettingValues() {
        assertThat(CleartextPolicy.parse("loopback-only")).isEqualTo(CleartextPolicy.LOOPBACK_ONLY);
        assertThat(CleartextPolicy.parse(" Never ")).isEqualTo(CleartextPolicy.NEVER);
    }
}
