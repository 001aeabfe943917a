package org.danvan.directive.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Starts a unit import as a client does and follows its job to its end. */
public final class UnitImportJobsClient {

    private UnitImportJobsClient() {
    }

    /** {@code POST /api/v1/units/imports}, checked to be accepted; returns the job's location. */
    public static URI start(TestRestTemplate http, String body, MediaType type, String language) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(type);
        headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
        ResponseEntity<Map> accepted = http.exchange("/api/v1/units/imports?fileName=units", HttpMethod.POST,
                new HttpEntity<>(body, headers), Map.class);
        assertThat(accepted.getStatusCode()).as("%s", accepted.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(accepted.getBody()).containsEntry("phase", "QUEUED");
        return accepted.getHeaders().getLocation();
    }

    /** The job once it has ended (done or failed), read in {@code language}. */
    public static Map<String, Object> ended(TestRestTemplate http, URI job, String language, Duration atMost) {
        return ended(http, job, language, atMost, Duration.ofMillis(20));
    }

    /** The job once it has ended, read every {@code poll}: each read costs the service some CPU. */
    public static Map<String, Object> ended(TestRestTemplate http, URI job, String language, Duration atMost, Duration poll) {
        AtomicReference<Map<String, Object>> last = new AtomicReference<>();
        await().atMost(atMost).pollInterval(poll).until(() -> {
            last.set(read(http, job, language));
            return "DONE".equals(last.get().get("phase")) || "FAILED".equals(last.get().get("phase"));
        });
        return last.get();
    }

    public static Map<String, Object> read(TestRestTemplate http, URI job, String language) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
        ResponseEntity<Map> read = http.exchange(job.getPath(), HttpMethod.GET, new HttpEntity<>(headers), Map.class);
        assertThat(read.getStatusCode()).as("%s", read.getBody()).isEqualTo(HttpStatus.OK);
        return read.getBody();
    }
}
