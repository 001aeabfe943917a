package org.danvan.web;

import java.time.Clock;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Pages against a stubbed gateway ({@link GatewayStub}): each test states the calls it expects, and every one of
 * them must have been made, and nothing else, when it ends.
 */
@SpringBootTest
@Import(GatewayStub.class)
public abstract class StubbedGatewayPageTest {

    protected static final String G = GatewayStub.GATEWAY;

    @Autowired
    protected Clock clock;
    @Autowired
    protected MockRestServiceServer gateway;
    protected MockMvc mvc;
    @Autowired
    private WebApplicationContext context;

    @BeforeEach
    void signInAndPages() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
    }

    @AfterEach
    void everyExpectedCallMade() {
        try {
            gateway.verify();
        } finally {
            gateway.reset();
        }
    }
}
