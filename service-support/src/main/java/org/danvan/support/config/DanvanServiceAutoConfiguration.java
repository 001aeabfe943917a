package org.danvan.support.config;

import io.micrometer.core.instrument.MeterRegistry;
import org.danvan.support.aggregate.AggregateWrites;
import org.danvan.support.events.CloudEventHeaderMapper;
import org.danvan.support.events.InboundEventReader;
import org.danvan.support.health.MongoPingHealthIndicator;
import org.danvan.support.limits.RequestLimits;
import org.danvan.support.outbox.OutboxProperties;
import org.danvan.support.outbox.OutboxRelay;
import org.danvan.support.outbox.PendingOutboxIndex;
import org.danvan.support.problem.ProblemHandler;
import org.danvan.support.topics.DeclaredTopics;
import org.danvan.support.topics.ServiceTopics;
import org.danvan.support.topics.TopicProperties;
import org.danvan.support.web.IdempotencyKeyFilter;
import org.danvan.support.web.ProblemErrorReportValve;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.MessageSource;
import org.springframework.cloud.stream.binder.kafka.common.BinderHeaderMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

/** What every danvan service gets by depending on service-support. */
@AutoConfiguration(afterName = {
        "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration"})
@EnableConfigurationProperties({OutboxProperties.class, RequestLimits.class, TopicProperties.class})
public class DanvanServiceAutoConfiguration {

    @Bean
    ProblemHandler problemHandler(MessageSource messageSource) {
        return new ProblemHandler(messageSource);
    }

    @Bean
    @ConditionalOnBean(MongoTemplate.class)
    IdempotencyKeyFilter idempotencyKeyFilter(MongoTemplate mongo, MessageSource messageSource) {
        return new IdempotencyKeyFilter(mongo, messageSource);
    }

    /** Unordered, so it runs after Spring Boot's customizer and replaces the report valve that one adds. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports(MessageSource messageSource) {
        return factory -> factory.addContextCustomizers(context -> ProblemErrorReportValve.install(context, messageSource));
    }

    @Bean
    InboundEventReader inboundEventReader(MeterRegistry meters) {
        return new InboundEventReader(meters);
    }

    @Bean(name = "mongoHealthIndicator")
    @ConditionalOnBean(MongoTemplate.class)
    MongoPingHealthIndicator mongoHealthIndicator(MongoTemplate mongo) {
        return new MongoPingHealthIndicator(mongo);
    }

    @Bean
    @ConditionalOnBean(MongoTemplate.class)
    @ConditionalOnProperty("danvan.outbox.collections[0]")
    PendingOutboxIndex pendingOutboxIndex(MongoTemplate mongo, OutboxProperties properties) {
        return new PendingOutboxIndex(mongo, properties);
    }

    @Bean
    @ConditionalOnBean({MongoTemplate.class, KafkaTemplate.class, PendingOutboxIndex.class})
    OutboxRelay outboxRelay(MongoTemplate mongo, KafkaTemplate<String, byte[]> kafka, OutboxProperties properties,
            PendingOutboxIndex index, MeterRegistry meters) {
        return new OutboxRelay(mongo, kafka, properties, index, meters);
    }

    @Bean
    @ConditionalOnBean({MongoTemplate.class, PendingOutboxIndex.class})
    AggregateWrites aggregateWrites(MongoTemplate mongo, PendingOutboxIndex index) {
        return new AggregateWrites(mongo, index);
    }

    /** The binder maps consumed records' headers with this one (it looks the bean up by name). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(BinderHeaderMapper.class)
    static class BinderHeaders {

        @Bean
        CloudEventHeaderMapper kafkaBinderHeaderMapper() {
            return new CloudEventHeaderMapper();
        }
    }

    /** Each service gives the topics it writes and reads their declared layout before its bindings start. */
    @Bean
    @ConditionalOnBean(KafkaAdmin.class)
    DeclaredTopics declaredTopics(KafkaAdmin admin, Environment environment, TopicProperties properties,
            MeterRegistry meters) {
        return new DeclaredTopics(admin.getConfigurationProperties(), ServiceTopics.of(environment), properties, meters);
    }
}
