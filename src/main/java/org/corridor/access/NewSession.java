package org.corridor.access;

/**
 * A login session just begun: the session id for the cookie, the CSRF token the browser sends back in a header on
 * unsafe requests, and who signed in. Neither secret is stored as it is.
 */
public record NewSession(String sessionId, String csrfToken, Principal principal) {
    @Override
    public String toString() {
        return "NewSession[principal=" + principal.id() + ", secrets=(hidden)]";
    }
}
