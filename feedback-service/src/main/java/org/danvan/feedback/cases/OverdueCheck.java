package org.danvan.feedback.cases;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Marks cases whose deadline passed (one event per breach) and keeps the {@code danvan_cases_overdue{kind}}
 * gauge that the "cases overdue" alert watches.
 */
@Component
class OverdueCheck {

    private static final Logger log = LoggerFactory.getLogger(OverdueCheck.class);

    private final Cases cases;
    private final Map<CaseKind, AtomicLong> overdue = new EnumMap<>(CaseKind.class);

    OverdueCheck(Cases cases, MeterRegistry meters) {
        this.cases = cases;
        for (CaseKind kind : CaseKind.values()) {
            AtomicLong count = new AtomicLong();
            overdue.put(kind, count);
            Gauge.builder("danvan.cases.overdue", count, AtomicLong::get)
                    .description("Open cases past their acceptance or resolution deadline")
                    .tag("kind", kind.name()).register(meters);
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(cron = "${danvan.cases.overdue-check-cron}", zone = "${danvan.time-zone:Asia/Ho_Chi_Minh}")
    void run() {
        int marked = cases.markOverdue(cases.today());
        Map<CaseKind, Long> counts = cases.overdueByKind(cases.today());
        overdue.forEach((kind, count) -> count.set(counts.getOrDefault(kind, 0L)));
        if (marked > 0) {
            log.info("{} case deadline(s) newly overdue", marked);
        }
    }
}
