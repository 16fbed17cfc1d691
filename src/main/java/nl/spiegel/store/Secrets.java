package nl.spiegel.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/** Random keys, their hashes, and join codes. */
public final class Secrets {

    /** Easy to read aloud and to type: no 0/O, no 1/I. */
    static final String JOIN_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    public static final int JOIN_CODE_LENGTH = 6;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {}

    /** 256 random bits, URL-safe. */
    public static String newKey() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String newJoinCode() {
        StringBuilder code = new StringBuilder(JOIN_CODE_LENGTH);
        for (int i = 0; i < JOIN_CODE_LENGTH; i++) {
            code.append(JOIN_ALPHABET.charAt(RANDOM.nextInt(JOIN_ALPHABET.length())));
        }
        return code.toString();
    }

    /** A listener's id: random, so it says nothing about the person. */
    public static String newListenerId() {
        StringBuilder id = new StringBuilder("L");
        for (int i = 0; i < 12; i++) {
            id.append(JOIN_ALPHABET.charAt(RANDOM.nextInt(JOIN_ALPHABET.length())));
        }
        return id.toString();
    }

    /** How people type a code: in lower case, with spaces or dashes. */
    public static String normalizeJoinCode(String typed) {
        if (typed == null) {
            return "";
        }
        // Only letters and digits can be part of a code; anything else cannot match one.
        String code = typed.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
        return code.chars().allMatch(c -> c < 128 && Character.isLetterOrDigit(c)) ? code : "";
    }
}
