package org.corridor.access;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which passwords are accepted (OWASP ASVS 6.2): 8 to 128 characters, any characters, no composition rules, and not
 * one that guessing tools try first. A password is refused when its lower-case form is in the shipped list
 * ({@code access/common-passwords.txt}), or becomes one of its entries once common letter-for-digit swaps are undone
 * and the digits and symbols around it are dropped ("P@ssw0rd2016!" is "password"), when it is one character
 * repeated, or when it holds the account's own id.
 */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 128;
    static final String LIST = "/access/common-passwords.txt";

    private final Set<String> common;

    private PasswordPolicy(Set<String> common) {
        this.common = Set.copyOf(common);
    }

    /** The policy with the list shipped in the build. */
    public static PasswordPolicy standard() {
        return new PasswordPolicy(load());
    }

    /** Why {@code password} is refused for account {@code accountId}, or empty when it is accepted. */
    public Optional<String> problem(String accountId, String password) {
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return Optional.of("must have at least " + MIN_LENGTH + " characters");
        }
        if (length > MAX_LENGTH) {
            return Optional.of("must have at most " + MAX_LENGTH + " characters");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (lower.codePoints().distinct().count() == 1) {
            return Optional.of("must not be one character repeated");
        }
        if (accountId.length() >= 3 && lower.contains(accountId.toLowerCase(Locale.ROOT))) {
            return Optional.of("must not contain the account's id");
        }
        if (common.contains(lower) || common.contains(stem(lower)) || common.contains(stem(unswapped(lower)))) {
            return Optional.of("is too common: it is among the first passwords that guessing tools try; choose a"
                    + " longer phrase of unrelated words");
        }
        return Optional.empty();
    }

    /** The text without the digits, symbols and spaces before its first letter and after its last. */
    static String stem(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && !Character.isLetter(text.charAt(start))) {
            start++;
        }
        while (end > start && !Character.isLetter(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    /** The text with the digit-and-symbol stand-ins for letters read back as the letters, inside the word only. */
    static String unswapped(String text) {
        String stem = stem(text);
        StringBuilder letters = new StringBuilder(stem.length());
        for (char c : stem.toCharArray()) {
            letters.append(
                    switch (c) {
                        case '@', '4' -> 'a';
                        case '3' -> 'e';
                        case '1', '!' -> 'i';
                        case '0' -> 'o';
                        case '$', '5' -> 's';
                        case '7', '+' -> 't';
                        default -> c;
                    });
        }
        return letters.toString();
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>();
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(LIST)) {
            if (in == null) {
                throw new IllegalStateException("the list of common passwords " + LIST + " is missing from this build");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String word = line.strip().toLowerCase(Locale.ROOT);
                if (!word.isEmpty() && !word.startsWith("#")) {
                    words.add(word);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + LIST, e);
        }
        return words;
    }
}
