package org.danvan.support.web;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.context.MessageSource;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code Idempotency-Key} on creates: a POST carrying a key is carried out once; repeating it with the same
 * body replays the first answer (marked {@code Idempotency-Replayed: true}), with another body it is a 422,
 * and while the first is still running a 409. Failed attempts are forgotten, so the client may retry. Keys
 * are kept for {@link #RETENTION}.
 */
public class IdempotencyKeyFilter extends OncePerRequestFilter implements SmartLifecycle {

    public static final String HEADER = "Idempotency-Key";
    static final Duration RETENTION = Duration.ofHours(24);
    private static final String COLLECTION = "idempotency_keys";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MongoTemplate mongo;
    private final MessageSource messages;
    private ScheduledExecutorService purger;

    public IdempotencyKeyFilter(MongoTemplate mongo, MessageSource messages) {
        this.mongo = mongo;
        this.messages = messages;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] body = request.getInputStream().readAllBytes();
        String id = request.getRequestURI() + "#" + request.getHeader(HEADER);
        String fingerprint = sha256(body);
        MongoCollection<Document> keys = mongo.getCollection(COLLECTION);
        try {
            keys.insertOne(new Document("_id", id).append("fingerprint", fingerprint).append("state", "RUNNING")
                    .append("createdAt", java.util.Date.from(Instant.now())));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            answerRepeat(keys.find(Filters.eq("_id", id)).first(), fingerprint, request, response);
            return;
        }
        ContentCachingResponseWrapper cachedResponse = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(new BodyReplayingRequest(request, body), cachedResponse);
        } finally {
            if (cachedResponse.getStatus() >= 200 && cachedResponse.getStatus() < 300) {
                keys.updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("state", "DONE"),
                        Updates.set("status", cachedResponse.getStatus()),
                        Updates.set("contentType", cachedResponse.getContentType()),
                        Updates.set("location", cachedResponse.getHeader(HttpHeaders.LOCATION)),
                        Updates.set("etag", cachedResponse.getHeader(HttpHeaders.ETAG)),
                        Updates.set("body", new Binary(cachedResponse.getContentAsByteArray()))));
            } else {
                keys.deleteOne(Filters.eq("_id", id));
            }
            cachedResponse.copyBodyToResponse();
        }
    }

    private void answerRepeat(Document first, String fingerprint, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        if (first == null) {
            problem(response, request, HttpStatus.CONFLICT, "idempotency-key-running");
        } else if (!fingerprint.equals(first.getString("fingerprint"))) {
            problem(response, request, HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused");
        } else if (!"DONE".equals(first.getString("state"))) {
            problem(response, request, HttpStatus.CONFLICT, "idempotency-key-running");
        } else {
            response.setStatus(first.getInteger("status"));
            response.setHeader("Idempotency-Replayed", "true");
            if (first.getString("contentType") != null) {
                response.setContentType(first.getString("contentType"));
            }
            if (first.getString("location") != null) {
                response.setHeader(HttpHeaders.LOCATION, first.getString("location"));
            }
            if (first.getString("etag") != null) {
                response.setHeader(HttpHeaders.ETAG, first.getString("etag"));
            }
            response.getOutputStream().write(first.get("body", Binary.class).getData());
        }
    }

    private void problem(HttpServletResponse response, HttpServletRequest request, HttpStatus status, String slug)
            throws IOException {
        Locale locale = request.getLocale() != null && request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) != null
                ? request.getLocale() : Locale.forLanguageTag("vi");
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create("https://danvan.org/problems/" + slug));
        problem.setTitle(messages.getMessage("problem." + slug + ".title", null, slug, locale));
        problem.setDetail(messages.getMessage("problem." + slug + ".detail", new Object[] {request.getHeader(HEADER)}, slug, locale));
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream().write(JSON.writeValueAsBytes(problem));
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Removes keys older than the retention; the store has no TTL index to do it. */
    void purgeExpired() {
        mongo.getCollection(COLLECTION).deleteMany(Filters.lt("createdAt", java.util.Date.from(Instant.now().minus(RETENTION))));
    }

    @Override
    public synchronized void start() {
        purger = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("idempotency-purge").daemon().factory());
        purger.scheduleWithFixedDelay(this::purgeExpired, 1, 60, TimeUnit.MINUTES);
    }

    @Override
    public synchronized void stop() {
        if (purger != null) {
            purger.shutdownNow();
            purger = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return purger != null;
    }
}
