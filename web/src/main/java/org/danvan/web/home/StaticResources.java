package org.danvan.web.home;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Page links are written as they are. With the WebJars locator on the class path Spring Boot turns on the
 * resource chain and its {@link ResourceUrlEncodingFilter}, which offers every link Thymeleaf writes
 * ({@code /unit?unit=…}, each row's drill-down) to the static resource handlers: a class-path lookup in four
 * folders per link, never cached when nothing is found — two thirds of the web application's CPU on
 * "My unit today". The pages use no versioned resource URLs, and the version-less WebJars paths
 * ({@code /webjars/htmx.org/dist/htmx.min.js}) are still resolved when they are served.
 */
@Configuration
class StaticResources {

    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> pageLinksAsWritten() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        registration.setEnabled(false);
        return registration;
    }
}
