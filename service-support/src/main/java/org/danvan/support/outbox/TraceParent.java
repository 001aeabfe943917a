package org.danvan.support.outbox;

import java.util.Map;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;

/**
 * Carries the W3C trace context of the request that caused an event across the outbox, so that the span
 * publishing it (and the consumers' spans) join the request's trace although the relay runs later, on its
 * own thread.
 */
final class TraceParent {

    private static final TextMapGetter<Map<String, String>> GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private TraceParent() {
    }

    /** The {@code traceparent} of the current span, or null outside any trace. */
    static String current() {
        SpanContext span = Span.current().getSpanContext();
        if (!span.isValid()) {
            return null;
        }
        return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex();
    }

    /** Makes the given trace context current until the returned scope is closed. */
    static Scope resume(String traceparent) {
        if (traceparent == null) {
            return Scope.noop();
        }
        return W3CTraceContextPropagator.getInstance()
                .extract(Context.current(), Map.of("traceparent", traceparent), GETTER).makeCurrent();
    }
}
