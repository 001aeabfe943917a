package org.danvan.web.unit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A target's value against its threshold over the periods, drawn by the server as SVG (no script): a line
 * through the periods with a value (a gap where data is missing) and the threshold as a dashed line. The
 * same points are the table a screen reader reads.
 */
record ValueChart(List<Point> points, List<String> lines, double thresholdY, BigDecimal threshold, BigDecimal top) {

    static final int WIDTH = 640;
    static final int HEIGHT = 220;
    static final int LEFT = 56;
    static final int RIGHT = 56;
    static final int TOP = 16;
    static final int BOTTOM = 40;

    /** One period: where it sits and what it shows; {@code value} null for missing data. */
    record Point(Periods period, BigDecimal value, String status, double x, double y) {
    }

    static ValueChart of(List<Periods> periods, List<ReportingApi.Entry> entries, BigDecimal threshold, boolean percent) {
        BigDecimal top = threshold == null ? BigDecimal.ONE : threshold;
        for (ReportingApi.Entry entry : entries) {
            if (entry != null && entry.value() != null && entry.value().compareTo(top) > 0) {
                top = entry.value();
            }
        }
        top = percent && top.compareTo(BigDecimal.valueOf(100)) <= 0 ? BigDecimal.valueOf(100)
                : top.multiply(BigDecimal.valueOf(1.15)).max(BigDecimal.ONE);
        double step = periods.size() > 1 ? (double) (WIDTH - LEFT - RIGHT) / (periods.size() - 1) : 0;
        List<Point> points = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < periods.size(); i++) {
            ReportingApi.Entry entry = entries.get(i);
            BigDecimal value = entry == null ? null : entry.value();
            double x = LEFT + (periods.size() > 1 ? i * step : (WIDTH - LEFT - RIGHT) / 2.0);
            double y = value == null ? Double.NaN : y(value, top);
            points.add(new Point(periods.get(i), value, entry == null ? "NO_DATA" : entry.status(), x, y));
            if (value == null) {
                flush(line, lines);
            } else {
                line.append(line.isEmpty() ? "" : " ").append(round(x)).append(',').append(round(y));
            }
        }
        flush(line, lines);
        return new ValueChart(points, lines, threshold == null ? Double.NaN : y(threshold, top), threshold, top);
    }

    /** The y of a value: 0 at the bottom of the plot, {@code top} at its top. */
    private static double y(BigDecimal value, BigDecimal top) {
        double share = Math.max(0, Math.min(1, value.doubleValue() / top.doubleValue()));
        return round(TOP + (1 - share) * (HEIGHT - TOP - BOTTOM));
    }

    private static void flush(StringBuilder line, List<String> lines) {
        if (!line.isEmpty()) {
            lines.add(line.toString());
            line.setLength(0);
        }
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    public double baseline() {
        return HEIGHT - BOTTOM;
    }

    public boolean hasThreshold() {
        return !Double.isNaN(thresholdY);
    }
}
