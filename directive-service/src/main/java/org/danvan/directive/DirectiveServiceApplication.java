package org.danvan.directive;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Owns organisation units and directives; publishes every change of them as events. */
@SpringBootApplication
public class DirectiveServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(DirectiveServiceApplication.class, args);
    }
}
