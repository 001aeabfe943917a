package org.danvan.bench;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Spring Cloud Gateway on Spring MVC and Tomcat with one route and nothing else (application.yml). */
@SpringBootApplication
public class BareWebmvcGateway {

    public static void main(String[] args) {
        SpringApplication.run(BareWebmvcGateway.class, args);
    }
}
