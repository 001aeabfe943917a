package org.danvan.directive;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Owns organisation units and directives; publishes every change of them as events. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class DirectiveServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(DirectiveServiceApplication.class, args);
    }
}
