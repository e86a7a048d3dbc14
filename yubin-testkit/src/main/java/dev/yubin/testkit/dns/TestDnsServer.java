package dev.yubin.testkit.dns;

import dev.yubin.dns.DnsNames;
import dev.yubin.dns.DnsjavaResolver;
import dev.yubin.dns.DnsjavaSettings;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.BindException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.TLSARecord;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;

/**
 * An in-process authoritative DNS server on 127.0.0.1 (UDP and TCP on the same ephemeral port)
 * serving zones defined in code, so tests resolve made-up domains through the real
 * {@link DnsjavaResolver}. Records may be added while the server runs.
 *
 * <p>Answers are authoritative (AA), follow CNAME chains inside the data, distinguish NXDOMAIN
 * from no data (with a SOA in the authority section, RFC 2308), set TC over UDP when the answer
 * exceeds the client's payload size (512 octets, or its EDNS size), and set AD for names marked
 * {@link #secure} when the query asked for it (AD or DO bit). Names can be made to answer
 * SERVFAIL or not at all, to test temporary failures.
 *
 * <pre>{@code
 * try (TestDnsServer dns = TestDnsServer.start()) {
 *     dns.mx("example.test", 10, "mx.example.test").a("mx.example.test", "127.0.0.1");
 *     Resolver r = dns.resolver();
 * }
 * }</pre>
 */
public final class TestDnsServer implements AutoCloseable {

    /** TTL of records added through the convenience methods. */
    public static final long TTL = 300;

    private final Map<Name, List<Record>> records = new ConcurrentHashMap<>();
    private final Set<Name> servfail = ConcurrentHashMap.newKeySet();
    private final Set<Name> silent = ConcurrentHashMap.newKeySet();
    private final Set<Name> secure = ConcurrentHashMap.newKeySet();
    private final AtomicInteger queries = new AtomicInteger();
    private final DatagramSocket udp;
    private final ServerSocket tcp;
    private final TestDnsResponder responder;
    private volatile boolean closed;

    private TestDnsServer(DatagramSocket udp, ServerSocket tcp) {
        this.udp = udp;
        this.tcp = tcp;
        this.responder = new TestDnsResponder(records, servfail, secure);
        Thread.ofVirtual().name("test-dns-udp").start(this::serveUdp);
        Thread.ofVirtual().name("test-dns-tcp").start(this::serveTcp);
    }

    /** Binds UDP and TCP on the same ephemeral loopback port and starts serving. */
    public static TestDnsServer start() throws IOException {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        IOException last = null;
        for (int attempt = 0; attempt < 20; attempt++) {
            DatagramSocket udp = new DatagramSocket(new InetSocketAddress(loopback, 0));
            try {
                ServerSocket tcp = new ServerSocket(udp.getLocalPort(), 50, loopback);
                return new TestDnsServer(udp, tcp);
            } catch (BindException e) {
                udp.close();
                last = e;
            }
        }
        throw last;
    }

    /**
     * Binds UDP and TCP on a chosen address and port (for a tool that can only ask port 53 of the
     * name server in /etc/resolv.conf); throws if it is taken or not allowed.
     */
    public static TestDnsServer start(InetSocketAddress at) throws IOException {
        DatagramSocket udp = new DatagramSocket(at);
        try {
            return new TestDnsServer(udp, new ServerSocket(at.getPort(), 50, at.getAddress()));
        } catch (IOException e) {
            udp.close();
            throw e;
        }
    }

    /** The address to send queries to (UDP and TCP). */
    public InetSocketAddress address() {
        return new InetSocketAddress(udp.getLocalAddress(), udp.getLocalPort());
    }

    /** A real dnsjava resolver pointed at this server: 2 s timeout, no retries, no cache. */
    public DnsjavaResolver resolver() {
        return new DnsjavaResolver(new DnsjavaSettings(List.of(address()), Duration.ofSeconds(2), 0, 0,
                Duration.ZERO));
    }

    /** Number of queries received so far (UDP and TCP). */
    public int queryCount() {
        return queries.get();
    }

    /** Adds any dnsjava record (class IN). */
    public TestDnsServer add(Record record) {
        records.computeIfAbsent(record.getName(), k -> new CopyOnWriteArrayList<>()).add(record);
        return this;
    }

    public TestDnsServer mx(String owner, int preference, String host) {
        return add(new MXRecord(name(owner), DClass.IN, TTL, preference, name(host)));
    }

    public TestDnsServer a(String owner, String ipv4) {
        return add(new ARecord(name(owner), DClass.IN, TTL, ip(ipv4)));
    }

    public TestDnsServer aaaa(String owner, String ipv6) {
        return add(new AAAARecord(name(owner), DClass.IN, TTL, ip(ipv6)));
    }

    /** A TXT record holding {@code text}, split into strings of at most 255 characters. */
    public TestDnsServer txt(String owner, String text) {
        java.util.List<String> parts = new java.util.ArrayList<>();
        for (int i = 0; i < text.length(); i += 255) {
            parts.add(text.substring(i, Math.min(text.length(), i + 255)));
        }
        return add(new TXTRecord(name(owner), DClass.IN, TTL, parts.isEmpty() ? List.of("") : parts));
    }

    /** A TXT record with exactly these character-strings. */
    public TestDnsServer txtStrings(String owner, List<String> strings) {
        return add(new TXTRecord(name(owner), DClass.IN, TTL, strings));
    }

    /** A PTR record at the reverse name of {@code address}. */
    public TestDnsServer ptr(String address, String target) {
        return add(new PTRRecord(name(DnsNames.reverseName(ip(address))), DClass.IN, TTL, name(target)));
    }

    public TestDnsServer tlsa(String owner, int usage, int selector, int matchingType, byte[] data) {
        return add(new TLSARecord(name(owner), DClass.IN, TTL, usage, selector, matchingType, data));
    }

    public TestDnsServer cname(String owner, String target) {
        return add(new CNAMERecord(name(owner), DClass.IN, TTL, name(target)));
    }

    /** Removes every record of {@code owner}. */
    public TestDnsServer remove(String owner) {
        records.remove(name(owner));
        return this;
    }

    /** Queries for {@code owner} get SERVFAIL. */
    public TestDnsServer servfail(String owner) {
        servfail.add(name(owner));
        return this;
    }

    /** Queries for {@code owner} get no answer at all, so clients time out. */
    public TestDnsServer silent(String owner) {
        silent.add(name(owner));
        return this;
    }

    /** Answers about {@code owner} carry the AD bit, as from a validating resolver. */
    public TestDnsServer secure(String owner) {
        secure.add(name(owner));
        return this;
    }

    private void serveUdp() {
        byte[] buffer = new byte[65535];
        while (!closed) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                udp.receive(packet);
            } catch (IOException e) {
                return;
            }
            queries.incrementAndGet();
            byte[] query = java.util.Arrays.copyOf(packet.getData(), packet.getLength());
            byte[] reply = responder.answer(query, TestDnsResponder.Transport.UDP, silent);
            if (reply != null) {
                try {
                    udp.send(new DatagramPacket(reply, reply.length, packet.getSocketAddress()));
                } catch (IOException e) {
                    // client gone: nothing to do
                }
            }
        }
    }

    private void serveTcp() {
        while (!closed) {
            Socket s;
            try {
                s = tcp.accept();
            } catch (IOException e) {
                return;
            }
            Thread.ofVirtual().name("test-dns-tcp-conn").start(() -> serveTcpConnection(s));
        }
    }

    private void serveTcpConnection(Socket s) {
        try (s) {
            s.setSoTimeout(10_000);
            DataInputStream in = new DataInputStream(s.getInputStream());
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            while (!closed) {
                int length;
                try {
                    length = in.readUnsignedShort();
                } catch (EOFException e) {
                    return;
                }
                byte[] query = in.readNBytes(length);
                queries.incrementAndGet();
                byte[] reply = responder.answer(query, TestDnsResponder.Transport.TCP, silent);
                if (reply == null) {
                    return;
                }
                out.writeShort(reply.length);
                out.write(reply);
                out.flush();
            }
        } catch (IOException e) {
            // connection closed by the client or by close(): nothing to do
        }
    }

    @Override
    public void close() {
        closed = true;
        udp.close();
        try {
            tcp.close();
        } catch (IOException e) {
            // already closed
        }
    }

    static Name name(String text) {
        String canonical = DnsNames.canonical(text);
        try {
            return canonical.isEmpty() ? Name.root : Name.fromString(DnsNames.escaped(canonical));
        } catch (TextParseException e) {
            throw new IllegalArgumentException("bad DNS name: " + text, e);
        }
    }

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException("not an IP literal: " + literal, e);
        }
    }
}
