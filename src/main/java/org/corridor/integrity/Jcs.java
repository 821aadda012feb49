package org.corridor.integrity;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The RFC 8785 (JSON Canonicalization Scheme) form of a JSON value, as UTF-8 bytes: the bytes that are signed and
 * logged.
 *
 * <p>Members are sorted by the UTF-16 code units of their names, there is no whitespace, strings are escaped as
 * ECMAScript's {@code JSON.stringify} does, and every number is written as ECMAScript writes the IEEE 754 double it
 * denotes. A value whose canonical form would not say exactly what it holds is refused: NaN and the infinities, strings
 * with a lone surrogate, and integers too large for a double to hold exactly (an identifier or a count silently
 * changing its value under a signature would be worse than a refusal).
 */
public final class Jcs {
    private static final BigInteger LARGEST_EXACT_INTEGER = BigInteger.TWO.pow(53);
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Jcs() {}

    /** The canonical UTF-8 bytes of {@code value}. */
    public static byte[] canonicalize(JsonNode value) {
        return canonicalText(value).getBytes(StandardCharsets.UTF_8);
    }

    /** The canonical form of {@code value} as text (its UTF-8 encoding is {@link #canonicalize}'s bytes). */
    public static String canonicalText(JsonNode value) {
        StringBuilder out = new StringBuilder(256);
        write(value, out);
        return out.toString();
    }

    /**
     * The canonical form of an object, with where one of its top-level members (and the comma that separates it from
     * a neighbour) lies in that text: {@code from} to {@code to}, both 0 when it has no such member.
     */
    public record Marked(String text, int from, int to) {
        /**
         * The canonical form of the same object without that member, as UTF-8 bytes. Since the members of a canonical
         * object are sorted and each is written independently of the others, leaving one out of the text is the same
         * as canonicalizing the object without it.
         */
        public byte[] without() {
            return (text.substring(0, from) + text.substring(to)).getBytes(StandardCharsets.UTF_8);
        }
    }

    /** The canonical form of the object {@code value}, marking where its member {@code name} lies. */
    public static Marked canonicalMarking(JsonNode value, String name) {
        if (!value.isObject()) {
            throw new IllegalArgumentException("only an object has members, not a " + value.getNodeType());
        }
        StringBuilder out = new StringBuilder(256);
        int[] span = writeObject(value, out, name);
        return new Marked(out.toString(), span[0], span[1]);
    }

    private static void write(JsonNode value, StringBuilder out) {
        switch (value.getNodeType()) {
            case OBJECT -> writeObject(value, out);
            case ARRAY -> writeArray(value, out);
            case STRING -> writeString(value.textValue(), out);
            case NUMBER -> out.append(number(value));
            case BOOLEAN -> out.append(value.booleanValue());
            case NULL -> out.append("null");
            case BINARY, MISSING, POJO ->
                throw new CanonicalizationException(
                        "a " + value.getNodeType() + " node is not JSON and has no canonical form");
        }
    }

    private static void writeObject(JsonNode object, StringBuilder out) {
        writeObject(object, out, null);
    }

    /**
     * Writes an object; returns where its member {@code marked} lies in {@code out} with one separating comma (the one
     * before it, or after it when it comes first), or {0, 0} when it has none.
     */
    private static int[] writeObject(JsonNode object, StringBuilder out, String marked) {
        List<Map.Entry<String, JsonNode>> members = new ArrayList<>(object.properties());
        members.sort(Map.Entry.comparingByKey()); // String.compareTo compares UTF-16 code units, as RFC 8785 asks
        int[] span = {0, 0};
        out.append('{');
        for (int i = 0; i < members.size(); i++) {
            boolean isMarked = members.get(i).getKey().equals(marked);
            if (isMarked) {
                span[0] = out.length();
            }
            if (i > 0) {
                out.append(',');
            }
            writeString(members.get(i).getKey(), out);
            out.append(':');
            write(members.get(i).getValue(), out);
            if (isMarked) {
                span[1] = out.length() + (i == 0 && members.size() > 1 ? 1 : 0);
            }
        }
        out.append('}');
        return span;
    }

    private static void writeArray(JsonNode array, StringBuilder out) {
        out.append('[');
        for (int i = 0; i < array.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            write(array.get(i), out);
        }
        out.append(']');
    }

    private static void writeString(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
                    } else if (Character.isSurrogate(c)) {
                        i = appendSurrogatePair(text, i, out);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static int appendSurrogatePair(String text, int at, StringBuilder out) {
        char high = text.charAt(at);
        if (Character.isHighSurrogate(high)
                && at + 1 < text.length()
                && Character.isLowSurrogate(text.charAt(at + 1))) {
            out.append(high).append(text.charAt(at + 1));
            return at + 1;
        }
        throw new CanonicalizationException(
                "a string holds a lone surrogate U+%04X at char %d".formatted((int) high, at));
    }

    private static String number(JsonNode number) {
        if (number.isIntegralNumber()) {
            BigInteger integer = number.bigIntegerValue();
            if (integer.abs().compareTo(LARGEST_EXACT_INTEGER) <= 0) {
                return integer.toString();
            }
            double rounded = integer.doubleValue();
            if (Double.isInfinite(rounded)
                    || new BigDecimal(rounded).toBigIntegerExact().compareTo(integer) != 0) {
                throw new CanonicalizationException(
                        "the integer " + integer + " cannot be held exactly by an IEEE 754 double");
            }
            return ecmaScript(rounded);
        }
        return ecmaScript(number.doubleValue());
    }

    /**
     * ECMAScript's Number::toString for a finite double (ECMA-262, 6.1.6.1.20): the shortest decimal digits that read
     * back as the same double, laid out in plain form for exponents from -6 to 20 and in {@code d.ddde+n} form beyond.
     */
    static String ecmaScript(double value) {
        if (!Double.isFinite(value)) {
            throw new CanonicalizationException(value + " is not a JSON number");
        }
        if (value == 0) {
            return "0"; // also for -0
        }
        BigDecimal shortest = shortestDigits(Math.abs(value));
        String digits = shortest.unscaledValue().toString();
        int k = digits.length();
        int n = shortest.precision() - shortest.scale(); // value = 0.digits × 10^n
        String sign = value < 0 ? "-" : "";
        if (k <= n && n <= 21) {
            return sign + digits + "0".repeat(n - k);
        }
        if (0 < n && n <= 21) {
            return sign + digits.substring(0, n) + "." + digits.substring(n);
        }
        if (-6 < n && n <= 0) {
            return sign + "0." + "0".repeat(-n) + digits;
        }
        String exponent = (n - 1 > 0 ? "e+" : "e-") + Math.abs(n - 1);
        String mantissa = k == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return sign + mantissa + exponent;
    }

    /**
     * The shortest decimal that reads back as {@code magnitude}, the closest one if several. {@link Double#toString}
     * finds it since JDK 19, except that it never gives fewer than two digits: where one digit would do (5e-324, which
     * it writes 4.9E-324) the closest one-digit decimal that reads back is taken instead.
     */
    private static BigDecimal shortestDigits(double magnitude) {
        BigDecimal java = new BigDecimal(Double.toString(magnitude)).stripTrailingZeros();
        if (java.precision() != 2) {
            return java;
        }
        BigDecimal exact = new BigDecimal(magnitude);
        BigDecimal best = null;
        for (RoundingMode mode : new RoundingMode[] {RoundingMode.FLOOR, RoundingMode.CEILING}) {
            BigDecimal candidate = java.round(new MathContext(1, mode));
            boolean readsBack = candidate.signum() > 0 && Double.parseDouble(candidate.toString()) == magnitude;
            if (readsBack
                    && (best == null
                            || candidate
                                            .subtract(exact)
                                            .abs()
                                            .compareTo(best.subtract(exact).abs())
                                    < 0)) {
                best = candidate;
            }
        }
        return best == null ? java : best.stripTrailingZeros();
    }
}
