package org.danvan.gateway;

import java.net.URI;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** The gateway's own answers as RFC 9457 problem+json, in Vietnamese unless the caller asks for English. */
final class Problems {

    // absent members stay absent (no "properties": null in the body)
    private static final JsonMapper JSON = JsonMapper.builder()
            .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL)).build();

    private Problems() {
    }

    /** A problem text in both languages. */
    record Text(String vi, String en) {
        String in(boolean english) {
            return english ? en : vi;
        }
    }

    static Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, String slug, Text title, Text detail) {
        boolean english = exchange.getRequest().getHeaders().getAcceptLanguageAsLocales().stream()
                .findFirst().map(l -> l.getLanguage().equals(Locale.ENGLISH.getLanguage())).orElse(false);
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create("https://danvan.org/problems/" + slug));
        problem.setTitle(title.in(english));
        if (detail != null) {
            problem.setDetail(detail.in(english));
        }
        problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        var response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        DataBuffer body = response.bufferFactory().wrap(JSON.writeValueAsBytes(problem));
        return response.writeWith(Mono.just(body));
    }

    static final Text UNAVAILABLE_TITLE = new Text("Dịch vụ tạm thời không khả dụng", "Service unavailable");
    static final Text UNAVAILABLE_DETAIL = new Text("Dịch vụ xử lý yêu cầu này chưa phản hồi; vui lòng thử lại sau ít phút.",
            "The service behind this route is not answering; try again shortly.");
}
