package dev.yubin.auth.arc;

import dev.yubin.auth.AuthenticationResults;
import dev.yubin.auth.HeaderField;
import dev.yubin.auth.RawMessage;
import dev.yubin.auth.dkim.Canonicalization;
import dev.yubin.auth.dkim.DkimCrypto;
import dev.yubin.auth.dkim.DkimHeaderHash;
import dev.yubin.auth.dkim.DkimSigner;
import dev.yubin.auth.dkim.DkimSigningKey;
import dev.yubin.auth.dkim.DkimSyntaxException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Adds an ARC set (RFC 8617 §5.1) to a message Yubin forwards, e.g. to an alias's outside
 * address, so receivers downstream can see the authentication results we saw. Thread-safe.
 */
public final class ArcSealer {

    private final DkimSigningKey key;
    private final String authservId;
    private final Clock clock;

    public ArcSealer(DkimSigningKey key, String authservId, Clock clock) {
        this.key = key;
        this.authservId = authservId;
        this.clock = clock;
    }

    /**
     * The three ARC header fields to prepend (ending in CRLF), or empty when the chain already
     * failed at an earlier hop (RFC 8617 §5.1: a failed chain is not sealed again).
     *
     * @param chain the validation of the incoming chain ({@link ArcVerifier#verify})
     * @param results the method results we found, e.g. "spf=pass smtp.mailfrom=a@b; dkim=pass header.d=b"
     */
    public Optional<String> seal(byte[] message, ArcResult chain, String results) {
        RawMessage raw = RawMessage.parse(message);
        List<ArcSet> existing;
        try {
            existing = ArcSet.collect(raw);
        } catch (DkimSyntaxException e) {
            return Optional.empty(); // a broken chain cannot be extended
        }
        int instance = existing.size() + 1;
        if (instance > ArcSet.MAX_INSTANCES || (!existing.isEmpty() && lastSealFailed(existing))) {
            return Optional.empty(); // RFC 8617 §5.1: a chain that failed upstream is not sealed again
        }
        String cv = switch (chain.status()) {
            case NONE -> "none";
            case PASS -> "pass";
            case FAIL -> "fail";
        };
        long now = clock.instant().getEpochSecond();
        String aar = "ARC-Authentication-Results: i=" + instance + "; " + authservId + ";\r\n\t" + results + "\r\n";
        // the ARC-Message-Signature: like DKIM, relaxed/relaxed, no ARC fields signed (RFC 8617 §4.1.2)
        byte[] body = Canonicalization.RELAXED.body(raw.body());
        String bh = Base64.getEncoder().encodeToString(DkimCrypto.sha256(body, body.length));
        List<String> names = new ArrayList<>();
        for (String name : DkimSigner.SIGNED) {
            if (raw.headers().stream().anyMatch(h -> h.is(name))) {
                names.add(name);
            }
        }
        if (raw.headers().stream().anyMatch(h -> h.is("DKIM-Signature"))) {
            names.add("dkim-signature");
        }
        String amsUnsigned = "ARC-Message-Signature: i=" + instance + "; a=" + key.algorithm().tag()
                + "; c=relaxed/relaxed; d=" + key.domain() + "; s=" + key.selector() + "; t=" + now
                + ";\r\n\th=" + String.join(":", names) + ";\r\n\tbh=" + bh + "; b=";
        HeaderField amsField = new HeaderField("ARC-Message-Signature", amsUnsigned + "\r\n");
        byte[] amsData = DkimHeaderHash.signedData(raw.headers(), names, Canonicalization.RELAXED, amsField);
        String ams = amsUnsigned + fold(Base64.getEncoder().encodeToString(DkimCrypto.sign(key, amsData))) + "\r\n";
        // the ARC-Seal over every set, this one included (RFC 8617 §5.1.1)
        String asUnsigned = "ARC-Seal: i=" + instance + "; a=" + key.algorithm().tag() + "; d=" + key.domain()
                + "; s=" + key.selector() + "; t=" + now + "; cv=" + cv + "; b=";
        // RFC 8617 §5.1.2: with cv=fail the seal covers only the set we add
        List<ArcSet> sets = new ArrayList<>(chain.status() == ArcResult.Status.FAIL ? List.of() : existing);
        sets.add(new ArcSet(instance, new HeaderField("ARC-Authentication-Results", aar),
                new HeaderField("ARC-Message-Signature", ams), new HeaderField("ARC-Seal", asUnsigned + "\r\n")));
        byte[] sealData = ArcSet.sealedData(sets, instance);
        String as = asUnsigned + fold(Base64.getEncoder().encodeToString(DkimCrypto.sign(key, sealData))) + "\r\n";
        return Optional.of(as + ams + aar);
    }

    /**
     * Seals a message that carries our verdict in its own Authentication-Results field (the one
     * the inbound filter prepended; forged ones with our authserv-id were removed on arrival, RFC
     * 8601 §5): the ARC-Authentication-Results copies its method results, and cv= comes from its
     * {@code arc=} result (RFC 8617 §5.1). Empty when the message has no such field (no verdict to
     * vouch for), or when {@link #seal} declines.
     */
    public Optional<String> sealWithRecordedVerdict(byte[] message) {
        RawMessage raw = RawMessage.parse(message);
        AuthenticationResults ours = new AuthenticationResults(authservId);
        Optional<HeaderField> verdict = raw.headers().stream().filter(ours::claimsOurId).findFirst();
        if (verdict.isEmpty()) {
            return Optional.empty();
        }
        String value = verdict.get().rawValue();
        int semicolon = value.indexOf(';');
        String results = semicolon < 0 ? "none" : value.substring(semicolon + 1).strip();
        if (results.isEmpty()) {
            results = "none";
        }
        Matcher m = ARC_RESULT.matcher(verdict.get().value());
        ArcResult.Status cv = ArcResult.Status.NONE;
        if (m.find()) {
            cv = switch (m.group(1).toLowerCase(java.util.Locale.ROOT)) {
                case "pass" -> ArcResult.Status.PASS;
                case "none" -> ArcResult.Status.NONE;
                default -> ArcResult.Status.FAIL;
            };
        }
        return seal(message, new ArcResult(cv, 0, "", ""), results);
    }

    private static final Pattern ARC_RESULT = Pattern.compile("(?:^|;)\\s*arc\\s*=\\s*([A-Za-z]+)");

    private static boolean lastSealFailed(List<ArcSet> sets) {
        try {
            String cv = dev.yubin.auth.dkim.TagList.parse(sets.get(sets.size() - 1).seal().rawValue()).get("cv");
            return "fail".equalsIgnoreCase(cv);
        } catch (DkimSyntaxException e) {
            return true;
        }
    }

    private static String fold(String value) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < value.length(); i += 70) {
            sb.append(i == 0 ? "" : "\r\n\t ").append(value, i, Math.min(value.length(), i + 70));
        }
        return sb.toString();
    }
}
