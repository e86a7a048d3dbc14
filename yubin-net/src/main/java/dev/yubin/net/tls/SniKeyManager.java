package dev.yubin.net.tls;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.StandardConstants;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * Chooses the server certificate by the host name the client sent in SNI (RFC 6066 §3): the
 * entry for the exact name, else for its nearest parent domain, else the default. A certificate
 * is used only for the key type the handshake asks for (RSA or EC).
 */
final class SniKeyManager extends X509ExtendedKeyManager {
    static final String DEFAULT_ALIAS = "default";

    private final Map<String, KeyMaterial> byAlias = new LinkedHashMap<>();
    private final Map<String, String> aliasByDomain = new LinkedHashMap<>();

    SniKeyManager(KeyMaterial defaultMaterial, Map<String, KeyMaterial> byDomain) {
        byAlias.put(DEFAULT_ALIAS, defaultMaterial);
        byDomain.forEach((domain, m) -> {
            String alias = "sni:" + domain;
            byAlias.put(alias, m);
            aliasByDomain.put(domain, alias);
        });
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return null;
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
        return null;
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        List<String> out = new ArrayList<>();
        byAlias.forEach((alias, m) -> {
            if (fits(m, keyType)) {
                out.add(alias);
            }
        });
        return out.isEmpty() ? null : out.toArray(String[]::new);
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        SSLSession s = socket instanceof SSLSocket ssl ? ssl.getHandshakeSession() : null;
        return choose(keyType, s);
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        return choose(keyType, engine == null ? null : engine.getHandshakeSession());
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        KeyMaterial m = byAlias.get(alias);
        return m == null ? null : m.chain().toArray(X509Certificate[]::new);
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        KeyMaterial m = byAlias.get(alias);
        return m == null ? null : m.key();
    }

    private String choose(String keyType, SSLSession session) {
        String host = sniHost(session);
        if (host != null) {
            String candidate = host;
            while (true) {
                String alias = aliasByDomain.get(candidate);
                if (alias != null) {
                    // the name has its own certificate: never answer it with the default one; a
                    // null makes the JDK try the handshake's next key type (EC, then RSA)
                    return fits(byAlias.get(alias), keyType) ? alias : null;
                }
                int dot = candidate.indexOf('.');
                if (dot < 0) {
                    break;
                }
                candidate = candidate.substring(dot + 1);
            }
        }
        return fits(byAlias.get(DEFAULT_ALIAS), keyType) ? DEFAULT_ALIAS : null;
    }

    private static String sniHost(SSLSession session) {
        if (session instanceof ExtendedSSLSession ext) {
            for (SNIServerName n : ext.getRequestedServerNames()) {
                if (n.getType() == StandardConstants.SNI_HOST_NAME) {
                    try {
                        SNIHostName h = n instanceof SNIHostName sh ? sh : new SNIHostName(n.getEncoded());
                        return TlsSettings.normalise(h.getAsciiName());
                    } catch (IllegalArgumentException e) {
                        return null; // not a valid host name: use the default certificate
                    }
                }
            }
        }
        return null;
    }

    private static boolean fits(KeyMaterial m, String keyType) {
        return keyType != null && keyType.equalsIgnoreCase(m.key().getAlgorithm());
    }
}
