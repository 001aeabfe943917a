package org.danvan.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The PromQL of the alert rules and Grafana dashboards in {@code deploy/}, and the metric names they use. */
final class MonitoringQueries {

    private static final Set<String> PROMQL_WORDS = Set.of("sum", "min", "max", "avg", "count", "by", "without",
            "on", "ignoring", "group_left", "group_right", "and", "or", "unless", "bool", "offset", "rate", "irate",
            "increase", "delta", "histogram_quantile", "abs", "clamp_min", "clamp_max", "topk", "bottomk", "time",
            "vector", "scalar", "absent", "changes", "resets", "deriv", "avg_over_time", "max_over_time", "inf", "nan");
    /** Series Prometheus makes itself rather than scraping them. */
    private static final Set<String> SYNTHETIC = Set.of("up", "scrape_duration_seconds", "scrape_samples_scraped");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    private MonitoringQueries() {
    }

    /** Every PromQL expression of the alert rules and the dashboards. */
    static List<String> expressions(Path deploy) {
        List<String> expressions = new ArrayList<>();
        try {
            Map<String, Object> rules = new Yaml().load(Files.readString(deploy.resolve("prometheus/alert-rules.yml")));
            for (Object group : (List<?>) rules.get("groups")) {
                for (Object rule : (List<?>) ((Map<?, ?>) group).get("rules")) {
                    expressions.add(String.valueOf(((Map<?, ?>) rule).get("expr")));
                }
            }
            try (Stream<Path> dashboards = Files.list(deploy.resolve("grafana/dashboards"))) {
                for (Path dashboard : dashboards.filter(p -> p.toString().endsWith(".json")).toList()) {
                    JsonNode root = JsonMapper.builder().build().readTree(dashboard.toFile());
                    for (JsonNode panel : root.path("panels")) {
                        for (JsonNode target : panel.path("targets")) {
                            expressions.add(target.path("expr").asString());
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return expressions;
    }

    /** The metric names one PromQL expression selects. */
    static Set<String> metricNames(String expression) {
        String stripped = expression
                .replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")      // string literals
                .replaceAll("\\{[^}]*}", "")                          // label matchers
                .replaceAll("\\[[^]]*]", "")                          // range selectors
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", ""); // label lists
        Set<String> names = new TreeSet<>();
        Matcher matcher = IDENTIFIER.matcher(stripped);
        while (matcher.find()) {
            String word = matcher.group();
            int next = matcher.end();
            while (next < stripped.length() && stripped.charAt(next) == ' ') {
                next++;
            }
            boolean isFunction = next < stripped.length() && stripped.charAt(next) == '(';
            boolean isNumber = matcher.start() > 0 && Character.isDigit(stripped.charAt(matcher.start() - 1));
            if (!isFunction && !isNumber && !PROMQL_WORDS.contains(word) && !SYNTHETIC.contains(word)) {
                names.add(word);
            }
        }
        return names;
    }
}
