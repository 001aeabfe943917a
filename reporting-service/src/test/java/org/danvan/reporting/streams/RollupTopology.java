package org.danvan.reporting.streams;

import java.util.List;
import java.util.Properties;
import java.util.Set;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueStore;
import org.danvan.contracts.directive.DirectiveContract;
import org.danvan.contracts.reporting.ReportingContract;
import org.danvan.contracts.unit.UnitRegistered;

/**
 * Issue #15's Kafka Streams design, built to be measured beside the running totals the service keeps in MongoDB
 * (README, "Benchmarks → National rollup"): the dated unit tree as a global table; every accepted report, branch
 * snapshot and member as a KTable keyed by its slot and ancestor depth, so a revision or a redelivery replaces the
 * slot's previous contribution; those re-keyed by (unit or ancestor, period) and summed with an adder and a
 * subtractor into a RocksDB store that interactive queries read ({@link #TOTALS}, key {@link #key}).
 * <p>
 * Only what the benchmark measures: sums of {@code flowElements} (in the report's period and the longer periods
 * containing it) and member counts per year. Tree changes re-key only the contributions that arrive after them;
 * nothing already counted is moved by a backdated move until its slot sends again.
 */
public final class RollupTopology {

    public static final String UNITS = "rollup-units";
    public static final String SLOTS = "rollup-slots";
    public static final String TOTALS = "rollup-totals";

    private RollupTopology() {
    }

    public static Topology build(Set<String> flowElements) {
        StreamsBuilder builder = new StreamsBuilder();
        // every unit event carries the unit's whole state under the same field names, so any of them reads as the
        // registration's record; the global store holds the topic's own bytes, restored without reprocessing
        builder.globalTable(DirectiveContract.UNITS.name(), Consumed.with(Serdes.String(), new JsonSerde<>(UnitRegistered.class)),
                Materialized.<String, UnitRegistered, KeyValueStore<Bytes, byte[]>>as(UNITS));
        JsonSerde<Contribution> contributions = new JsonSerde<>(Contribution.class);
        KTable<String, Contribution> slots = builder.stream(List.of(ReportingContract.REPORTS.name(), ReportingContract.MEMBERSHIP.name()),
                        Consumed.with(Serdes.String(), Serdes.ByteArray()))
                .process(() -> new FanOut(flowElements))
                .groupByKey(Grouped.with("rollup-by-slot", Serdes.String(), contributions))
                .reduce(Contribution::later, Materialized.<String, Contribution, KeyValueStore<Bytes, byte[]>>as(SLOTS)
                        .withKeySerde(Serdes.String()).withValueSerde(contributions));
        slots.groupBy((slot, contribution) -> KeyValue.pair(key(contribution.unit(), contribution.period()), contribution),
                        Grouped.with("rollup-by-unit", Serdes.String(), contributions))
                .aggregate(Totals::empty, (unit, contribution, totals) -> totals.plus(contribution),
                        (unit, contribution, totals) -> totals.minus(contribution),
                        Materialized.<String, Totals, KeyValueStore<Bytes, byte[]>>as(TOTALS)
                                .withKeySerde(Serdes.String()).withValueSerde(new JsonSerde<>(Totals.class)));
        return builder.build();
    }

    /** The key of a (unit, period)'s totals in {@link #TOTALS}. */
    public static String key(String unit, String period) {
        return unit + "|" + period;
    }

    /** The configuration both the test driver and the benchmark run with: exactly-once, state in RocksDB under {@code stateDir}. */
    public static Properties config(String applicationId, String bootstrapServers, String stateDir) {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir);
        return config;
    }
}
