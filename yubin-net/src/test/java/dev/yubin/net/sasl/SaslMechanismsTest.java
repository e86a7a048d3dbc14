package dev.yubin.net.sasl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.net.auth.ClientChannel;
import dev.yubin.net.auth.CleartextPolicy;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class SaslMechanismsTest {
    @Test
    void advertisedDependsOnTlsAndCleartextPolicy() throws Exception {
        InetAddress remote = InetAddress.getByName("192.0.2.9");
        ClientChannel plain = new ClientChannel(remote, ClientChannel.Security.PLAINTEXT);
        ClientChannel tls = new ClientChannel(remote, ClientChannel.Security.TLS);
        SaslMechanisms loopbackOnly = new SaslMechanisms(SaslTestSupport.AUTH, CleartextPolicy.LOOPBACK_ONLY);
        assertThat(loopbackOnly.advertised(plain)).isEmpty();
        assertThat(loopbackOnly.create("PLAIN", plain)).isEmpty();
        assertThat(loopbackOnly.advertised(tls)).containsExactly("SCRAM-SHA-256", "PLAIN", "LOGIN");
        assertThat(loopbackOnly.advertised(SaslTestSupport.LOCAL)).containsExactly("SCRAM-SHA-256", "PLAIN", "LOGIN");
        assertThat(new SaslMechanisms(SaslTestSupport.AUTH, CleartextPolicy.ALWAYS).advertised(plain)).hasSize(3);
        assertThat(loopbackOnly.create("CRAM-MD5", tls)).isEmpty();
        assertThat(loopbackOnly.create("scram-sha-256", tls)).get()
                .extracting(SaslMechanism::name).isEqualTo("SCRAM-SHA-256");
    }
}
