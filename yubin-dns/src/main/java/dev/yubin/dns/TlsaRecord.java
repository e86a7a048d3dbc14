package dev.yubin.dns;

import java.util.Arrays;
import java.util.HexFormat;

/** One TLSA record (RFC 6698 §2.1): certificate usage, selector, matching type, association data. */
public record TlsaRecord(int usage, int selector, int matchingType, byte[] data) {

    public TlsaRecord {
        if (usage < 0 || usage > 255 || selector < 0 || selector > 255 || matchingType < 0 || matchingType > 255) {
            throw new IllegalArgumentException("TLSA fields are octets");
        }
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TlsaRecord t && t.usage == usage && t.selector == selector
                && t.matchingType == matchingType && Arrays.equals(t.data, data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data) * 31 + usage * 65536 + selector * 256 + matchingType;
    }

    @Override
    public String toString() {
        return "TLSA " + usage + " " + selector + " " + matchingType + " " + HexFormat.of().formatHex(data);
    }
}
