package org.corridor.http;

import java.util.Locale;

/**
 * Whether a request's {@code Accept} header lets it receive server-sent events. Browsers' EventSource send
 * {@code text/event-stream}; a plain {@code curl -N URL} sends {@code *}{@code /*}, and some clients send nothing.
 * All of those get the stream; only a client that asks for something else only (such as
 * {@code application/json}) is told, with a 406, which header to send.
 */
final class EventStreamAccept {
    private EventStreamAccept() {}

    static boolean allows(String accept) {
        if (accept == null || accept.isBlank()) {
            return true;
        }
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String type = parts[0].strip().toLowerCase(Locale.ROOT);
            boolean matches = type.equals("text/event-stream") || type.equals("text/*") || type.equals("*/*");
            if (matches && !refused(parts)) {
                return true;
            }
        }
        return false;
    }

    /** True when the media range carries {@code q=0}: the client says it does not accept it. */
    private static boolean refused(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip().toLowerCase(Locale.ROOT);
            if (parameter.startsWith("q=")) {
                try {
                    return Double.parseDouble(parameter.substring(2)) <= 0;
                } catch (NumberFormatException e) {
                    return false;
                }
            }
        }
        return false;
    }
}
