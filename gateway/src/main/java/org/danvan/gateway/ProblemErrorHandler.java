package org.danvan.gateway;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.URI;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Errors raised in the gateway itself (no route, an unreachable service) leave as RFC 9457
 * {@code application/problem+json} in Vietnamese or English, never as a plain or HTML body.
 */
@Component
@Order(-2)
class ProblemErrorHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorHandler.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        HttpStatusCode status = statusOf(error);
        if (status.is5xxServerError()) {
            log.warn("{} {} failed with {}: {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
                    status.value(), error.toString());
        }
        boolean english = exchange.getRequest().getHeaders().getAcceptLanguageAsLocales().stream()
                .findFirst().map(l -> l.getLanguage().equals(Locale.ENGLISH.getLanguage())).orElse(false);
        ProblemDetail problem = ProblemDetail.forStatus(status);
        if (status.value() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
            problem.setType(URI.create("https://danvan.org/problems/service-unavailable"));
            problem.setTitle(english ? "Service unavailable" : "Dịch vụ tạm thời không khả dụng");
            problem.setDetail(english ? "The service behind this route is not answering; try again shortly."
                    : "Dịch vụ xử lý yêu cầu này chưa phản hồi; vui lòng thử lại sau ít phút.");
        } else if (status.value() == HttpStatus.NOT_FOUND.value()) {
            problem.setType(URI.create("https://danvan.org/problems/not-found"));
            problem.setTitle(english ? "Not found" : "Không tìm thấy");
            problem.setDetail(english ? "There is no resource at this path." : "Không có tài nguyên tại đường dẫn này.");
        } else {
            problem.setType(URI.create("https://danvan.org/problems/gateway"));
            problem.setTitle(english ? "Gateway error" : "Lỗi cổng truy cập");
        }
        problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        var response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(error);
        }
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        DataBuffer body = response.bufferFactory().wrap(JSON.writeValueAsBytes(problem));
        return response.writeWith(Mono.just(body));
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
