package org.danvan.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class MonitoringQueriesTest {

    @Test
    void findsTheMetricsOfAnExpressionButNotItsFunctionsLabelsOrNumbers() {
        assertThat(MonitoringQueries.metricNames("""
                histogram_quantile(0.99, sum by (application, le) (rate(http_server_requests_seconds_bucket{uri!~"/actuator.*"}[5m]))) > 1
                """)).containsExactly("http_server_requests_seconds_bucket");
        assertThat(MonitoringQueries.metricNames(
                "sum(rate(a_total{status=~\"5..\"}[1m])) / on (app) sum(rate(b_total[1m])) > 0.05 and up == 1"))
                .containsExactly("a_total", "b_total");
    }

    @Test
    void readsEveryRuleAndDashboardQueryOfTheDeployFolder() {
        var expressions = MonitoringQueries.expressions(Path.of(System.getProperty("danvan.root", "..")).resolve("deploy"));
        assertThat(expressions).hasSizeGreaterThan(15).noneMatch(String::isBlank);
        assertThat(expressions.stream().flatMap(e -> MonitoringQueries.metricNames(e).stream()))
                .contains("danvan_outbox_backlog", "http_server_requests_seconds_count");
    }
}
