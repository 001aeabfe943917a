package org.danvan.reporting.aggregates;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Whether this instance's generation of the figures has caught up with the topics. Until it has, its health
 * ({@code figures}, part of the readiness group) is OUT_OF_SERVICE with the records still to read, so no traffic
 * reaches its partial figures, and nothing it would publish from them is published (the attainment changes, the
 * overdue reports). Once caught up it stays so, and the collections of the generations before the previous one
 * are dropped.
 */
@Component("figures")
public class FiguresCatchUp implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(FiguresCatchUp.class);

    private final FigureGeneration generation;
    private final FiguresProperties properties;
    private final ConsumerLag lag;
    private final MongoTemplate mongo;
    private volatile boolean caughtUp;
    /** Records still to read at the last check; -1 before the broker first answered. */
    private volatile long behind = -1;

    FiguresCatchUp(FigureGeneration generation, FiguresProperties properties, ConsumerLag lag, MongoTemplate mongo) {
        this.generation = generation;
        this.properties = properties;
        this.lag = lag;
        this.mongo = mongo;
    }

    /** True once the figures this instance serves are built from (nearly) every record on the topics. */
    public boolean caughtUp() {
        return caughtUp;
    }

    @Scheduled(initialDelay = 0, fixedDelayString = "${danvan.figures.catch-up-check:PT2S}")
    void check() {
        if (caughtUp) {
            return;
        }
        try {
            measured(lag.figures());
            if (caughtUp) {
                lag.close();
            }
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            log.warn("could not tell how far generation {} of the figures is behind: {}", generation.number(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Takes the records still to read; at or under the configured lag the generation has caught up. */
    void measured(long records) {
        behind = records;
        if (caughtUp || records > properties.caughtUpLag()) {
            return;
        }
        caughtUp = true;
        log.info("generation {} of the figures has caught up ({} records behind)", generation.number(), records);
        for (String collection : generation.superseded()) {
            mongo.dropCollection(collection);
        }
    }

    @Override
    public Health health() {
        Health.Builder health = caughtUp ? Health.up() : Health.outOfService();
        return health.withDetail("generation", generation.number()).withDetail("behind", behind).build();
    }
}
