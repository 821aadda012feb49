package org.corridor.access;

import java.time.Duration;
import java.util.Map;
import org.corridor.core.InvalidInputException;

/**
 * How access is configured, read once at start-up and checked there: a bad setting is refused, naming it.
 *
 * @param bootstrapTokenHash the SHA-256 of {@code CORRIDOR_BOOTSTRAP_TOKEN}, or null when it is not set
 * @param trustProxy whether {@code X-Forwarded-Proto} and {@code X-Forwarded-For} from a reverse proxy are believed
 * @param idleTimeout a session unused this long ends
 * @param absoluteTimeout a session this old ends, however busy
 * @param requestsPerSecond the sustained requests per second one caller may make
 * @param burst how many requests one caller may make at once
 * @param failuresPerAccount failed logins per account per minute before attempts are refused unchecked
 * @param failuresPerAddress failed logins per network address per minute before attempts are refused unchecked
 */
public record AccessSettings(
        String bootstrapTokenHash,
        boolean trustProxy,
        Duration idleTimeout,
        Duration absoluteTimeout,
        double requestsPerSecond,
        int burst,
        int failuresPerAccount,
        int failuresPerAddress) {

    public static final String BOOTSTRAP_TOKEN = "CORRIDOR_BOOTSTRAP_TOKEN";
    public static final String TRUST_PROXY = "CORRIDOR_TRUST_PROXY";
    public static final String RATE_LIMIT = "CORRIDOR_RATE_LIMIT";
    /** The shortest bootstrap token accepted: 32 characters, as many as 128 random bits take in hex. */
    public static final int MIN_BOOTSTRAP_LENGTH = 32;

    static final Duration IDLE = Duration.ofMinutes(30);
    static final Duration ABSOLUTE = Duration.ofHours(12);
    static final int REQUESTS_PER_SECOND = 50;
    static final int BURST = 500;
    static final int FAILURES_PER_ACCOUNT = 10;
    static final int FAILURES_PER_ADDRESS = 50;

    /** The defaults, with the given bootstrap token (null for none). */
    public static AccessSettings defaults(String bootstrapToken) {
        return new AccessSettings(
                bootstrapToken == null ? null : bootstrapHash(bootstrapToken),
                false,
                IDLE,
                ABSOLUTE,
                REQUESTS_PER_SECOND,
                BURST,
                FAILURES_PER_ACCOUNT,
                FAILURES_PER_ADDRESS);
    }

    /**
     * The settings from the environment ({@value #BOOTSTRAP_TOKEN}, {@value #TRUST_PROXY}, {@value #RATE_LIMIT}).
     *
     * @throws InvalidInputException naming the variable that is set wrongly
     */
    public static AccessSettings fromEnvironment(Map<String, String> environment) {
        String token = environment.get(BOOTSTRAP_TOKEN);
        AccessSettings settings = defaults(token == null || token.isEmpty() ? null : token);
        return new AccessSettings(
                settings.bootstrapTokenHash,
                flag(environment, TRUST_PROXY),
                IDLE,
                ABSOLUTE,
                rate(environment),
                BURST,
                FAILURES_PER_ACCOUNT,
                FAILURES_PER_ADDRESS);
    }

    /** The same settings with another sustained rate and burst. */
    public AccessSettings withRate(double perSecond, int burstSize) {
        return new AccessSettings(
                bootstrapTokenHash,
                trustProxy,
                idleTimeout,
                absoluteTimeout,
                perSecond,
                burstSize,
                failuresPerAccount,
                failuresPerAddress);
    }

    /** The same settings, believing (or not) a reverse proxy's forwarded headers. */
    public AccessSettings withTrustProxy(boolean trust) {
        return new AccessSettings(
                bootstrapTokenHash,
                trust,
                idleTimeout,
                absoluteTimeout,
                requestsPerSecond,
                burst,
                failuresPerAccount,
                failuresPerAddress);
    }

    private static String bootstrapHash(String token) {
        if (token.length() < MIN_BOOTSTRAP_LENGTH || !token.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw InvalidInputException.of(
                    BOOTSTRAP_TOKEN,
                    "must be at least " + MIN_BOOTSTRAP_LENGTH + " printable characters without spaces, such as"
                            + " the output of: openssl rand -hex 32");
        }
        return Secrets.sha256(token);
    }

    private static boolean flag(Map<String, String> environment, String name) {
        String value = environment.getOrDefault(name, "false");
        return switch (value) {
            case "true" -> true;
            case "false", "" -> false;
            default -> throw InvalidInputException.of(name, "must be true or false");
        };
    }

    private static double rate(Map<String, String> environment) {
        String value = environment.get(RATE_LIMIT);
        if (value == null || value.isEmpty()) {
            return REQUESTS_PER_SECOND;
        }
        try {
            int rate = Integer.parseInt(value);
            if (rate >= 1 && rate <= 100_000) {
                return rate;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw InvalidInputException.of(RATE_LIMIT, "must be a whole number of requests per second, 1 to 100000");
    }
}
