package org.danvan.testsupport;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordingStream;

/**
 * Counts the exceptions of one class created anywhere in the JVM while it is open, including those a library
 * catches and swallows (Flight Recorder's {@code jdk.JavaExceptionThrow} event).
 * <p>
 * Since JDK 22 the JVM instruments exception constructors only when that event is enabled at start-up:
 * run the test JVM with {@value #JVM_OPTION}. Without it the count would always be 0, so
 * {@link #stopAndCount()} fails instead.
 */
public final class ThrownExceptions implements AutoCloseable {

    public static final String JVM_OPTION = "-XX:StartFlightRecording:settings=none,+jdk.JavaExceptionThrow#enabled=true,disk=false";

    private final RecordingStream stream = new RecordingStream();
    private final ConcurrentHashMap<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final String className;

    private ThrownExceptions(String className) {
        this.className = className;
        stream.enable("jdk.JavaExceptionThrow").withoutThreshold();
        stream.onEvent("jdk.JavaExceptionThrow", event -> {
            RecordedClass thrown = event.getClass("thrownClass");
            if (thrown != null) {
                counts.computeIfAbsent(thrown.getName(), name -> new LongAdder()).increment();
            }
        });
        stream.startAsync();
        new RecordedProbe();
    }

    public static ThrownExceptions watch(Class<? extends Throwable> type) {
        return new ThrownExceptions(type.getName());
    }

    /** How many were created so far; stops the recording first so that every event has been counted. */
    public long stopAndCount() {
        stream.stop();
        if (count(RecordedProbe.class.getName()) == 0) {
            throw new IllegalStateException("Flight Recorder records no exceptions in this JVM: start it with " + JVM_OPTION);
        }
        return count(className);
    }

    private long count(String name) {
        LongAdder count = counts.get(name);
        return count == null ? 0 : count.sum();
    }

    @Override
    public void close() {
        stream.close();
    }

    /** Created once per watch: proves that exceptions are recorded at all. */
    private static final class RecordedProbe extends Exception {
        private RecordedProbe() {
            super("probe", null, false, false);
        }
    }
}
