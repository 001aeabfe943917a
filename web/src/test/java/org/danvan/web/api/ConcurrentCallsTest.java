package org.danvan.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** A page's calls run side by side, each as the request's user, in the request and in its language. */
class ConcurrentCallsTest {

    private final ConcurrentCalls calls = new ConcurrentCalls();

    @AfterEach
    void reset() {
        calls.close();
        SecurityContextHolder.clearContext();
        RequestContextHolder.resetRequestAttributes();
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void callsRunAtTheSameTimeAndAnswerInTheOrderGiven() {
        // each call waits for the other to have started: one after the other, neither would ever finish
        CountDownLatch started = new CountDownLatch(2);
        Supplier<String> first = () -> meet(started, "first");
        Supplier<String> second = () -> meet(started, "second");

        assertThat(calls.all(List.of(first, second))).containsExactly("first", "second");
    }

    @Test
    void eachCallSeesTheRequestsUserRequestAndLanguage() {
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("xa.canbo", null));
        MockHttpServletRequest request = new MockHttpServletRequest();
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        LocaleContextHolder.setLocale(Locale.ENGLISH);

        String seen = calls.fork(() -> SecurityContextHolder.getContext().getAuthentication().getName() + " "
                + (((ServletRequestAttributes) RequestContextHolder.getRequestAttributes()).getRequest() == request) + " "
                + LocaleContextHolder.getLocale()).join();

        assertThat(seen).isEqualTo("xa.canbo true en");
    }

    @Test
    void aRefusedCallThrowsItsProblemWhereItIsJoined() {
        ApiProblem notFound = new ApiProblem("https://danvan.org/problems/not-found", "Not found", 404, null, List.of());
        ConcurrentCalls.Call<String> call = calls.fork(() -> {
            throw new ApiProblemException(notFound);
        });

        assertThatThrownBy(call::join).isInstanceOf(ApiProblemException.class)
                .satisfies(e -> assertThat(((ApiProblemException) e).problem().status()).isEqualTo(404));
    }

    private static String meet(CountDownLatch started, String name) {
        started.countDown();
        try {
            return started.await(10, TimeUnit.SECONDS) ? name : "alone";
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
