package dev.yubin.auth.spf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.dns.StaticResolver;
import java.io.InputStream;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Runs every case of the OpenSPF RFC 7208 test suite (src/test/resources/spf/rfc7208-tests.yml,
 * see LICENSE there) against a {@link StaticResolver} loaded from the scenario's zone data.
 *
 * <p>Driver conventions of the suite: SPF-type records are also served as TXT unless the name has
 * TXT records or "TXT: NONE"; "TIMEOUT" makes queries for types without records fail
 * temporarily; "explanation: DEFAULT" means no exp= text applies. Explanations are compared
 * ignoring case (the suite writes ip6.arpa nibbles in upper case).
 */
class Rfc7208SuiteTest {

    private static final AtomicInteger PASSED = new AtomicInteger();
    private static final AtomicInteger TOTAL = new AtomicInteger();

    @TestFactory
    Stream<DynamicTest> rfc7208Suite() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        try (InputStream in = getClass().getResourceAsStream("/spf/rfc7208-tests.yml")) {
            MappingIterator<JsonNode> docs = new YAMLMapper().readerFor(JsonNode.class).readValues(in);
            while (docs.hasNext()) {
                JsonNode scenario = docs.next();
                StaticResolver zone = zone(scenario.get("zonedata"));
                SpfVerifier spf = new SpfVerifier(zone, SpfLimits.RFC7208);
                String section = scenario.get("description").asString();
                for (Map.Entry<String, JsonNode> e : scenario.get("tests").properties()) {
                    JsonNode t = e.getValue();
                    TOTAL.incrementAndGet();
                    tests.add(DynamicTest.dynamicTest(section + ": " + e.getKey(), () -> {
                        run(spf, t);
                        PASSED.incrementAndGet();
                    }));
                }
            }
        }
        assertThat(tests).hasSize(203);
        return tests.stream();
    }

    @AfterAll
    static void report() {
        System.out.println("event=test.rfc7208_suite passed=" + PASSED.get() + " total=" + TOTAL.get());
    }

    private static void run(SpfVerifier spf, JsonNode t) throws Exception {
        InetAddress host = InetAddress.getByName(t.get("host").asString());
        SpfResult result = spf.check(host, t.get("mailfrom").asString(), t.get("helo").asString());
        List<String> expected = new ArrayList<>();
        JsonNode r = t.get("result");
        if (r.isArray()) {
            r.forEach(x -> expected.add(x.asString()));
        } else {
            expected.add(r.asString());
        }
        assertThat(result.keyword()).as("result %s", result).isIn(expected);
        if (t.has("explanation") && result instanceof SpfResult.Fail fail) {
            String exp = t.get("explanation").asString();
            if (exp.equals("DEFAULT")) {
                assertThat(fail.explanation()).isEmpty();
            } else {
                assertThat(fail.explanation()).hasValueSatisfying(v -> assertThat(v).isEqualToIgnoringCase(exp));
            }
        }
    }

    private static StaticResolver zone(JsonNode zonedata) {
        StaticResolver.Builder b = StaticResolver.builder();
        for (Map.Entry<String, JsonNode> domain : zonedata.properties()) {
            String name = domain.getKey();
            boolean hasTxt = false;
            for (JsonNode rr : domain.getValue()) {
                hasTxt |= rr.isObject() && rr.has("TXT");
            }
            for (JsonNode rr : domain.getValue()) {
                if (rr.isString() && rr.asString().equals("TIMEOUT")) {
                    b.timeout(name);
                    continue;
                }
                Map.Entry<String, JsonNode> e = rr.properties().iterator().next();
                JsonNode v = e.getValue();
                switch (e.getKey()) {
                    case "A" -> b.a(name, v.asString());
                    case "AAAA" -> b.aaaa(name, v.asString());
                    case "MX" -> b.mx(name, v.get(0).asInt(), v.get(1).asString());
                    case "PTR" -> b.ptr(name, v.asString());
                    case "CNAME" -> b.cname(name, v.asString());
                    case "TXT" -> {
                        if (!(v.isString() && v.asString().equals("NONE"))) {
                            b.txtStrings(name, strings(v));
                        }
                    }
                    case "SPF" -> {
                        if (!hasTxt) {
                            b.txtStrings(name, strings(v));
                        }
                    }
                    default -> throw new IllegalArgumentException("record type " + e.getKey());
                }
            }
        }
        return b.build();
    }

    private static List<String> strings(JsonNode v) {
        List<String> out = new ArrayList<>();
        if (v.isArray()) {
            v.forEach(x -> out.add(x.asString()));
        } else {
            String s = v.asString();
            for (int i = 0; i < s.length(); i += 255) {
                out.add(s.substring(i, Math.min(s.length(), i + 255)));
            }
            if (s.isEmpty()) {
                out.add("");
            }
        }
        return out;
    }
}
