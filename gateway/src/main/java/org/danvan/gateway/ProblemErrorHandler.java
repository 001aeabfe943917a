package org.danvan.gateway;

import java.net.ConnectException;
import java.net.UnknownHostException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Errors raised in the gateway itself (no route, an unreachable service) leave as RFC 9457
 * {@code application/problem+json} in Vietnamese or English, never as a plain or HTML body.
 */
@Component
@Order(-2)
class ProblemErrorHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorHandler.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        HttpStatusCode status = statusOf(error);
        if (status.is5xxServerError()) {
            log.warn("{} {} failed with {}: {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
                    status.value(), error.toString());
        }
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        if (status.value() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
            return Problems.write(exchange, status, "service-unavailable", Problems.UNAVAILABLE_TITLE, Problems.UNAVAILABLE_DETAIL);
        }
        if (status.value() == HttpStatus.NOT_FOUND.value()) {
            return Problems.write(exchange, status, "not-found", new Problems.Text("Không tìm thấy", "Not found"),
                    new Problems.Text("Không có tài nguyên tại đường dẫn này.", "There is no resource at this path."));
        }
        return Problems.write(exchange, status, "gateway", new Problems.Text("Lỗi cổng truy cập", "Gateway error"), null);
    }

    private static HttpStatusCode statusOf(Throwable error) {
        if (error instanceof ResponseStatusException rse) {
            return rse.getStatusCode();
        }
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException) {
                return HttpStatus.SERVICE_UNAVAILABLE;
            }
        }
        return HttpStatus.BAD_GATEWAY;
    }
}
