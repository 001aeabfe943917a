package org.danvan.support.config;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds the settings every danvan service shares (Kafka serialisation and durability, the Mongo URI from
 * {@code MONGODB_URI}, actuator exposure, problem details, locale) with the lowest precedence, so each
 * service's own configuration and the environment still override them.
 */
public class ServiceDefaults implements EnvironmentPostProcessor {

    static final String RESOURCE = "danvan-service-defaults.properties";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            new PropertiesPropertySourceLoader().load("danvanServiceDefaults", new ClassPathResource(RESOURCE))
                    .forEach(environment.getPropertySources()::addLast);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
