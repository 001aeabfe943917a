package org.danvan.web;

import java.time.Clock;

import org.danvan.web.api.BusinessDay;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withStatus;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

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

    /** The page reads the unit's name once, as of today. */
    protected void expectUnit(String code, String name) {
        gateway.expect(requestTo(unitUri(code))).andRespond(withSuccess("""
                {"code":"%s","name":"%s","kind":"PARTY_COMMITTEE","level":"COMMUNE","openedOn":"2020-01-01","version":1}"""
                .formatted(code, name), MediaType.APPLICATION_JSON));
    }

    /** The page asks for a unit the API does not know. */
    protected void expectUnknownUnit(String code) {
        gateway.expect(requestTo(unitUri(code))).andRespond(withStatus(HttpStatus.NOT_FOUND)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body("{\"title\":\"Không tìm thấy\",\"status\":404}"));
    }

    private String unitUri(String code) {
        return G + "/api/v1/units/" + code + "?asOf=" + BusinessDay.today(clock);
    }
}
