package org.casetracker.app.audit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The chain: {@code hash_n = SHA-256(hash_{n-1} || canonical bytes of event n)}, where {@code hash_{n-1}} enters as
 * its 32 raw bytes, the first event's predecessor is {@link #GENESIS} (32 zero bytes), and hashes are written as 64
 * lower-case hex digits.
 */
public final class HashChain {

    public static final String GENESIS = "0".repeat(64);

    private static final Pattern HEX_64 = Pattern.compile("[0-9a-f]{64}");
    private static final HexFormat HEX = HexFormat.of();

    private HashChain() {
    }

    /** The hash of an event whose predecessor's hash is {@code previous}. */
    public static String next(String previous, byte[] canonicalEvent) {
        if (!isHash(previous)) {
            throw new IllegalArgumentException("not a hash: " + previous);
        }
        MessageDigest sha256 = sha256();
        sha256.update(HEX.parseHex(previous));
        sha256.update(canonicalEvent);
        return HEX.formatHex(sha256.digest());
    }

    public static boolean isHash(String value) {
        return value != null && HEX_64.matcher(value).matches();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
