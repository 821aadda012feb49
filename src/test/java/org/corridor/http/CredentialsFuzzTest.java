package org.corridor.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.corridor.TestAccess;
import org.corridor.access.AccessSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 10,000 generated credentials (Authorization headers, session cookies, CSRF headers, near-misses of real ones)
 * against a write and a read: every one is refused with 401 or 403, never a 5xx, nothing is stored, and the server
 * still answers its admin afterwards.
 */
class CredentialsFuzzTest {
    private static final int INPUTS = 10_000;

    @TempDir
    Path directory;

    @Test
    void generatedCredentials_areAllRefused_withoutAServerError_orAChange() {
        AccessSettings unthrottled =
                AccessSettings.defaults(TestAccess.ADMIN_TOKEN).withRate(1e9, 1_000_000_000);
        try (RunningServer api = RunningServer.start(directory, unthrottled)) {
            api.defineTestOperation();
            String realToken = RunningServer.json(api.postJson("/api/users", "{\"id\": \"v\", \"role\": \"viewer\"}"))
                    .get("token")
                    .asText();
            Random random = new Random(20161219L);
            List<String> unexpected = new ArrayList<>();
            for (int i = 0; i < INPUTS; i++) {
                HttpRequest.Builder request = i % 2 == 0
                        ? HttpRequest.newBuilder(api.uri("/api/operations/test-op/observations"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        Observations.departure("c" + i, 5).toString()))
                        : HttpRequest.newBuilder(api.uri("/api/operations/test-op/convoys"));
                String credential = credential(random, realToken);
                applyCredential(request, random, credential);
                int status = anonymousStatus(api, request);
                if (status != 401 && status != 403) {
                    unexpected.add(status + " for " + credential.replaceAll("[^ -~]", "?"));
                }
            }
            assertThat(unexpected).isEmpty();
            assertThat(api.service.size("test-op")).isZero();
            assertThat(api.get("/api/operations/test-op/convoys").statusCode()).isEqualTo(200);
        }
    }

    /** A credential: random text, a mangled real token or the bootstrap one, or an odd scheme. */
    private static String credential(Random random, String realToken) {
        return switch (random.nextInt(6)) {
            case 0 -> randomText(random, random.nextInt(80));
            case 1 -> mutate(random, realToken);
            case 2 -> mutate(random, TestAccess.ADMIN_TOKEN);
            case 3 -> realToken.substring(0, random.nextInt(realToken.length()));
            case 4 -> "crd_" + randomText(random, 43);
            default -> "crs_" + randomText(random, 43);
        };
    }

    private static void applyCredential(HttpRequest.Builder request, Random random, String credential) {
        String safe = credential.replaceAll("[^!-~]", "x");
        switch (random.nextInt(4)) {
            case 0 -> request.header("Authorization", "Bearer " + safe);
            case 1 -> request.header("Authorization", (random.nextBoolean() ? "Basic " : "bearer  ") + safe);
            case 2 ->
                request.header("Cookie", AccessGuard.SESSION_COOKIE + "=" + safe.replace(";", ""))
                        .header(AccessGuard.CSRF_HEADER, safe);
            default ->
                request.header("Authorization", "Bearer " + safe)
                        .header("Cookie", AccessGuard.SESSION_COOKIE + "=" + safe.replace(";", ""));
        }
    }

    private static String mutate(Random random, String token) {
        char[] chars = token.toCharArray();
        int at = random.nextInt(chars.length);
        chars[at] = (char) (chars[at] == 'A' ? 'B' : 'A');
        return new String(chars);
    }

    private static String randomText(Random random, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) (0x21 + random.nextInt(0x5e)));
        }
        return text.toString();
    }

    private static int anonymousStatus(RunningServer api, HttpRequest.Builder request) {
        try {
            return api.anonymous
                    .send(request.build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (Exception e) {
            throw new IllegalStateException("the server stopped answering", e);
        }
    }
}
