package org.danvan.web.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.header;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withStatus;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.task.support.TaskExecutorAdapter;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.web.client.RestClient;

class UnitImportsTest {

    private static final byte[] CSV = "ma,ten,loai,cap,ma cap tren,ngay thanh lap\nX,Xã X,PARTY_COMMITTEE,COMMUNE,LD,01/01/1986\n".getBytes();

    private MockRestServiceServer api;
    private UnitImports imports;

    @BeforeEach
    void setUp() {
        RestClient.Builder builder = RestClient.builder().baseUrl("http://gateway");
        api = MockRestServiceServer.bindTo(builder).build();
        // the job runs at once here, as it would in the background
        imports = new UnitImports(builder.build(), new TaskExecutorAdapter(Runnable::run),
                Clock.fixed(Instant.parse("2026-03-10T02:00:00Z"), ZoneOffset.UTC));
    }

    @Test
    void aDryRunReportsEveryRowAtFault() {
        api.expect(requestTo("http://gateway/api/v1/units/import?dryRun=true")).andRespond(withSuccess("""
                {"dryRun":true,"rows":2,"imported":0,"errors":[{"row":2,"code":"Y","errors":["Không có đơn vị cấp trên ZZ"]}],"durationMs":3}""",
                MediaType.APPLICATION_JSON));

        UnitApi.ImportReport report = imports.dryRun(CSV);

        assertThat(report.errors()).singleElement().satisfies(error -> {
            assertThat(error.row()).isEqualTo(2);
            assertThat(error.errors()).containsExactly("Không có đơn vị cấp trên ZZ");
        });
    }

    @Test
    void theImportRunsAsAJobWithTheTokenItWasGivenAndOnlyItsOwnerSeesIt() {
        api.expect(requestTo("http://gateway/api/v1/units/import?dryRun=false")).andExpect(header("Authorization", "Bearer t0ken"))
                .andRespond(withStatus(HttpStatus.CREATED).contentType(MediaType.APPLICATION_JSON)
                        .body("{\"dryRun\":false,\"rows\":1,\"imported\":1,\"errors\":[],\"durationMs\":7}"));

        UnitImports.Job started = imports.start("vanhanh", "units.csv", 1, CSV, "t0ken");

        UnitImports.Job job = imports.job(started.id(), "vanhanh");
        assertThat(job.phase()).isEqualTo(UnitImports.Phase.DONE);
        assertThat(job.report().imported()).isEqualTo(1);
        assertThat(imports.job(started.id(), "someone-else")).as("another user's import").isNull();
        api.verify();
    }

    @Test
    void anImportRefusedAfterItsDryRunKeepsTheRowsAtFault() {
        api.expect(requestTo("http://gateway/api/v1/units/import?dryRun=false"))
                .andRespond(withStatus(HttpStatus.UNPROCESSABLE_CONTENT).contentType(MediaType.APPLICATION_JSON)
                        .body("{\"dryRun\":false,\"rows\":1,\"imported\":0,\"errors\":[{\"row\":1,\"code\":\"X\",\"errors\":[\"Mã X đã có\"]}],\"durationMs\":2}"));

        UnitImports.Job job = imports.job(imports.start("vanhanh", "units.csv", 1, CSV, "t0ken").id(), "vanhanh");

        assertThat(job.phase()).isEqualTo(UnitImports.Phase.DONE);
        assertThat(job.report().errors()).singleElement().extracting(UnitApi.RowError::code).isEqualTo("X");
    }

    @Test
    void anImportTheApiFailsIsAFailedJobWithTheProblem() {
        api.expect(requestTo("http://gateway/api/v1/units/import?dryRun=false"))
                .andRespond(withStatus(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .body("{\"title\":\"Không có quyền\",\"status\":403}"));

        UnitImports.Job job = imports.job(imports.start("vanhanh", "units.csv", 1, CSV, "t0ken").id(), "vanhanh");

        assertThat(job.phase()).isEqualTo(UnitImports.Phase.FAILED);
        assertThat(job.problem().message()).isEqualTo("Không có quyền");
    }
}
