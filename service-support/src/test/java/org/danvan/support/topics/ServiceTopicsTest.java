package org.danvan.support.topics;

import static org.assertj.core.api.Assertions.assertThat;

import org.danvan.contracts.Topic;
import org.danvan.contracts.directive.DirectiveContract;
import org.danvan.contracts.feedback.FeedbackContract;
import org.danvan.contracts.reporting.ReportingContract;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class ServiceTopicsTest {

    @Test
    void aServiceTouchesTheTopicsItWritesAndTheTopicsItsBindingsRead() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.application.name", "reporting-service")
                .withProperty("spring.cloud.stream.bindings.membershipEvents-in-0.destination", "danvan.membership.v1")
                .withProperty("spring.cloud.stream.bindings.mixed-in-0.destination", "danvan.units.v1, danvan.cases.v1")
                .withProperty("spring.cloud.stream.bindings.mixed-in-0.group", "reporting-service")
                .withProperty("spring.cloud.stream.bindings.other-in-0.destination", "not.in.the.contract");

        assertThat(ServiceTopics.of(environment)).extracting(Topic::name).containsExactlyInAnyOrder(
                ReportingContract.REPORTS.name(), ReportingContract.REPORT_DEADLINES.name(),
                ReportingContract.ATTAINMENT.name(), ReportingContract.DEAD_LETTERS.name(),
                ReportingContract.MEMBERSHIP.name(), DirectiveContract.UNITS.name(), FeedbackContract.CASES.name());
    }
}
