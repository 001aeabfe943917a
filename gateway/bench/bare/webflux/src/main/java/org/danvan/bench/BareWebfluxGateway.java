package org.danvan.bench;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Spring Cloud Gateway on WebFlux and Reactor Netty with one route and nothing else (application.yml). */
@SpringBootApplication
public class BareWebfluxGateway {

    public static void main(String[] args) {
        SpringApplication.run(BareWebfluxGateway.class, args);
    }
}
