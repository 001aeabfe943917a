package org.danvan.feedback.cases;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.danvan.feedback.deadlines.DeadlineStep;
import org.danvan.support.aggregate.AggregateWrites;
import org.danvan.support.problem.ConflictException;
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
    private static final List<CaseStatus> OPEN = Arrays.stream(CaseStatus.values()).filter(CaseStatus::open).toList();

    private final CaseRepository repository;
    private final AggregateWrites writes;
    private final CaseMetrics metrics;
    private final Clock clock;
    private final Map<CaseKind, AtomicLong> overdue = new EnumMap<>(CaseKind.class);

    OverdueCheck(CaseRepository repository, AggregateWrites writes, CaseMetrics metrics, Clock clock, MeterRegistry meters) {
        this.repository = repository;
        this.writes = writes;
        this.metrics = metrics;
        this.clock = clock;
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
        LocalDate today = LocalDate.now(clock);
        int marked = markOverdue(today);
        Map<CaseKind, Long> counts = repository.findByStatusIn(OPEN).stream().filter(c -> c.overdue(today))
                .collect(Collectors.groupingBy(c -> c.kind, Collectors.counting()));
        overdue.forEach((kind, count) -> count.set(counts.getOrDefault(kind, 0L)));
        if (marked > 0) {
            log.info("{} case deadline(s) newly overdue", marked);
        }
    }

    /**
     * Publishes an overdue event for every deadline passed before {@code today} that was not yet reported.
     * A case a step changed meanwhile is left to the next run, which sees its new deadline.
     */
    int markOverdue(LocalDate today) {
        int marked = 0;
        for (Case c : repository.findByStatusIn(OPEN)) {
            DeadlineStep deadline = c.markOverdue(clock.instant(), today);
            if (deadline == null) {
                continue;
            }
            try {
                writes.update(c);
            } catch (ConflictException e) {
                continue;
            }
            metrics.overdue(c, deadline);
            marked++;
        }
        return marked;
    }
}
