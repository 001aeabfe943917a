package org.danvan.gateway;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Where an open circuit (or a service that keeps failing) leads: a 503 problem, never a plain-text body. */
@RestController
class FallbackController {

    @RequestMapping("/fallback/unavailable")
    Mono<Void> unavailable(ServerWebExchange exchange) {
        exchange.getResponse().getHeaders().set("Retry-After", "10");
        return Problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", Problems.UNAVAILABLE_TITLE,
                Problems.UNAVAILABLE_DETAIL);
    }
}
