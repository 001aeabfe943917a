package org.danvan.reporting.aggregates;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.MeterRegistry;
import org.danvan.contracts.unit.ParentLink;
import org.danvan.reporting.forms.ReportingPeriod;
import org.danvan.testsupport.DanvanIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Two writers of the running totals, each with its own copy of the tree as two instances of the service would
 * have, take the same revisions of the same communes in different orders and batches at the same time: the
 * shared ancestors' cells end with the exact figures, every commune counted once with its latest revision.
 */
@DanvanIntegrationTest
class ConcurrentWritersIT {

    private static final LocalDate LONG_AGO = LocalDate.of(2000, 1, 1);
    private static final int DISTRICTS = 3;
    private static final int COMMUNES_PER_DISTRICT = 8;
    private static final int REVISIONS = 3;
    private static final int BATCH = 3;

    @Autowired
    MongoTemplate mongo;
    @Autowired
    AggregateStore store;
    @Autowired
    FigureKeys keys;
    @Autowired
    FigureYears years;
    @Autowired
    ObjectProvider<FigureSource> sources;
    @Autowired
    Clock clock;
    @Autowired
    ScopeStates scopes;
    @Autowired
    MeterRegistry meters;
    @Autowired
    FigureGeneration generation;

    private final AtomicInteger refused = new AtomicInteger();

    @Test
    void twoInstancesWritingTheSameCellsAtOnceEndWithTheExactFigures() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String province = "tinh-" + run;
        unit(province, "PROVINCE", null);
        List<String> communes = new ArrayList<>();
        for (int d = 0; d < DISTRICTS; d++) {
            String district = "huyen-" + d + "-" + run;
            unit(district, "DISTRICT", province);
            for (int c = 0; c < COMMUNES_PER_DISTRICT; c++) {
                String commune = "xa-" + d + "-" + c + "-" + run;
                unit(commune, "COMMUNE", district);
                communes.add(commune);
            }
        }
        List<AcceptedValues> revisions = new ArrayList<>();
        for (int revision = 1; revision <= REVISIONS; revision++) {
            for (int i = 0; i < communes.size(); i++) {
                revisions.add(report(communes.get(i), i, revision));
            }
        }
        // one instance gets a batch twice first (a redelivery), then every revision in order; the other the same
        // records shuffled, newer revisions before older ones
        List<AcceptedValues> inOrder = new ArrayList<>(revisions.subList(0, BATCH));
        inOrder.addAll(revisions);
        List<AcceptedValues> shuffled = new ArrayList<>(inOrder);
        Collections.shuffle(shuffled, new Random(7));
        // and a last round where both change something at once, each in its own district: nothing after it heals a loss
        int last = communes.size() - BATCH;
        for (int i = 0; i < BATCH; i++) {
            inOrder.add(report(communes.get(i), i, REVISIONS + 1));
            shuffled.add(report(communes.get(last + i), last + i, REVISIONS + 1));
        }

        // each write waits (briefly) for the other writer's: both have read the shared ancestors before either writes
        CyclicBarrier writes = new CyclicBarrier(2);
        FigureCells counting = new FigureCells(mongo, generation) {
            @Override
            boolean write(List<FigureCell> cells) {
                try {
                    writes.await(200, TimeUnit.MILLISECONDS);
                } catch (TimeoutException | BrokenBarrierException e) {
                    writes.reset();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                boolean written = super.write(cells);
                if (!written) {
                    refused.incrementAndGet();
                }
                return written;
            }
        };
        RunningTotals first = writer(counting);
        RunningTotals second = writer(counting);
        int rounds = inOrder.size() / BATCH;
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> done = List.of(
                    pool.submit(() -> feed(first, inOrder, rounds, together)),
                    pool.submit(() -> feed(second, shuffled, rounds, together)));
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        // read as a third instance would, with its own tree
        Aggregates aggregates = new Aggregates(new FigureCells(mongo, generation), new UnitTrees(store), keys, scopes);
        assertThat(refused.get()).as("writes refused because the other writer got there first").isPositive();
        BigDecimal residents = BigDecimal.ZERO;
        BigDecimal enrolled = BigDecimal.ZERO;
        for (int i = 0; i < communes.size(); i++) {
            int latest = i < BATCH || i >= last ? REVISIONS + 1 : REVISIONS;
            residents = residents.add(BigDecimal.valueOf(residents(i, latest)));
            enrolled = enrolled.add(BigDecimal.valueOf(enrolled(i, latest)));
        }
        for (String period : List.of("2025H1", "2025")) {
            ElementValuesView total = aggregates.element("RESIDENTS", province, period);
            assertThat(total.value()).isEqualByComparingTo(residents);
            assertThat(total.reportedUnits()).isEqualTo(communes.size());
            assertThat(aggregates.element("MEMBERS_ENROLLED", province, period).value()).isEqualByComparingTo(enrolled);
        }
        BigDecimal firstDistrict = BigDecimal.ZERO;
        for (int i = 0; i < COMMUNES_PER_DISTRICT; i++) {
            firstDistrict = firstDistrict.add(BigDecimal.valueOf(residents(i, i < BATCH ? REVISIONS + 1 : REVISIONS)));
        }
        assertThat(aggregates.element("RESIDENTS", "huyen-0-" + run, "2025H1").value()).isEqualByComparingTo(firstDistrict);
        CompletenessView completeness = aggregates.completeness("DV-6T", province, "2025H1", Locale.ENGLISH);
        assertThat(completeness.reportedUnits()).isEqualTo(communes.size());
        assertThat(completeness.receivedReports()).isEqualTo(communes.size());
        assertThat(completeness.notReported()).isEmpty();
    }

    private RunningTotals writer(FigureCells cells) {
        return new RunningTotals(cells, new CellRollup(cells, new UnitTrees(store), scopes), keys, years, sources, clock, meters);
    }

    /** Hands the reports over in batches, both writers starting each round together. */
    private static Void feed(RunningTotals totals, List<AcceptedValues> reports, int rounds, CyclicBarrier together)
            throws Exception {
        for (int round = 0; round < rounds; round++) {
            List<AcceptedValues> batch = reports.subList(round * BATCH, Math.min(reports.size(), (round + 1) * BATCH));
            together.await();
            totals.acceptReports(batch);
        }
        return null;
    }

    private void unit(String id, String level, String parent) {
        List<ParentLink> parents = parent == null ? List.of() : List.of(new ParentLink(parent, LONG_AGO, null));
        store.applyUnit(UUID.randomUUID().toString(), new UnitTreeDocument(id, 1, id.toUpperCase(), "Đơn vị " + id,
                "PEOPLES_COMMITTEE", level, LONG_AGO, null, parents, null, null));
    }

    private static AcceptedValues report(String commune, int i, int revision) {
        return new AcceptedValues("DV-6T/" + commune + "/2025H1", revision, "DV-6T", commune, ReportingPeriod.of("2025H1"),
                Map.of("RESIDENTS", BigDecimal.valueOf(residents(i, revision)), "MEMBERS_ENROLLED",
                        BigDecimal.valueOf(enrolled(i, revision))), Map.of(), false, LocalDate.of(2025, 7, 10));
    }

    private static long residents(int commune, int revision) {
        return 1000L * commune + revision;
    }

    private static long enrolled(int commune, int revision) {
        return 100L * commune + 7 * revision;
    }
}
