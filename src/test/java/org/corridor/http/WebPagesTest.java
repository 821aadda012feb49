package org.corridor.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The browser pages over plain HTTP: open to anyone (they hold no data), with the same headers as the API. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebPagesTest {
    RunningServer api;

    @BeforeAll
    void start(@TempDir Path directory) {
        api = RunningServer.start(directory);
    }

    @AfterAll
    void stop() {
        api.close();
    }

    private HttpResponse<String> anonymousGet(String path) throws Exception {
        return api.anonymous.send(
                HttpRequest.newBuilder(api.uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void pages_areServedToAnyone_withTheContentSecurityPolicy() throws Exception {
        for (String path : new String[] {"/", "/field/", "/assets/dashboard.js", "/field/app.js", "/field/sw.js"}) {
            HttpResponse<String> response = anonymousGet(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Security-Policy"))
                    .as(path)
                    .hasValue(SecurityHeaders.CONTENT_SECURITY_POLICY);
            assertThat(response.headers().firstValue("Server")).as(path).isEmpty();
        }
        assertThat(anonymousGet("/").body()).contains("/assets/dashboard.js");
        assertThat(anonymousGet("/field/").headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    }

    @Test
    void theApi_staysClosed_andUnknownPathsAreProblems() throws Exception {
        assertThat(anonymousGet("/api/operations").statusCode()).isEqualTo(401);
        HttpResponse<String> missing = anonymousGet("/no-such-page.html");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).hasValue(ProblemResponses.PROBLEM_JSON);
        assertThat(anonymousGet("/assets/../../org/corridor/http/CorridorServer.class")
                        .statusCode())
                .isIn(400, 404);
        assertThat(anonymousGet("/db/migration/sqlite/V1__ledger.sql").statusCode())
                .isEqualTo(404);
    }
}
