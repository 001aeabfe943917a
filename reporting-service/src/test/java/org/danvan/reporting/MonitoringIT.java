package org.danvan.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import io.micrometer.registry.otlp.OtlpMeterRegistry;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.danvan.testsupport.DanvanIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;

/** Monitoring without noise: a scrape exports the consumer lag quietly, and nothing pushes to an absent collector. */
@DanvanIntegrationTest
@AutoConfigureTestRestTemplate
@ExtendWith(OutputCaptureExtension.class)
class MonitoringIT {

    @Autowired
    TestRestTemplate http;
    @Autowired
    ApplicationContext context;

    @Test
    void aScrapeExportsTheConsumerLagWithoutAWarningPerPartition(CapturedOutput output) {
        await().atMost(Duration.ofSeconds(30)).until(() -> http.getForObject("/actuator/prometheus", String.class),
                body -> body != null && body.contains("spring_cloud_stream_binder_kafka_offset"));
        http.getForObject("/actuator/prometheus", String.class);

        assertThat(output.getAll()).doesNotContain("Not updating high watermark");
    }

    @Test
    void withoutACollectorConfiguredNoMetricsOrSpansArePushed() {
        // metrics are scraped (/actuator/prometheus); spans leave only when an OTLP endpoint is configured
        assertThat(context.getBeansOfType(OtlpMeterRegistry.class)).isEmpty();
        assertThat(context.getBeansOfType(SpanExporter.class)).isEmpty();
    }
}
