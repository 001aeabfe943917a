package org.danvan.web.api;

import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

import jakarta.annotation.PreDestroy;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Gateway calls of one page made side by side instead of one after another: a page that needs a dozen reads
 * waits for the slowest, not for their sum. Each call runs on a virtual thread with the request's user (whose
 * token the gateway client sends), the request itself (where that token is kept) and its language. The page's
 * first call is made before any of these, so a token that had to be refreshed is refreshed once.
 */
@Component
public class ConcurrentCalls {

    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    /** A call started now; {@link Call#join()} waits for its answer or throws what it threw. */
    public <T> Call<T> fork(Supplier<T> call) {
        SecurityContext security = SecurityContextHolder.getContext();
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        LocaleContext locale = LocaleContextHolder.getLocaleContext();
        return new Call<>(executor.submit(() -> {
            SecurityContextHolder.setContext(security);
            RequestContextHolder.setRequestAttributes(request);
            LocaleContextHolder.setLocaleContext(locale);
            try {
                return call.get();
            } finally {
                SecurityContextHolder.clearContext();
                RequestContextHolder.resetRequestAttributes();
                LocaleContextHolder.resetLocaleContext();
            }
        }));
    }

    /** Every call's answer, in the order given. */
    public <T> List<T> all(List<Supplier<T>> calls) {
        return calls.stream().map(this::fork).toList().stream().map(Call::join).toList();
    }

    @PreDestroy
    void close() {
        executor.shutdownNow();
    }

    /** One call under way. */
    public static final class Call<T> {

        private final Future<T> answer;

        private Call(Future<T> answer) {
            this.answer = answer;
        }

        public T join() {
            try {
                return answer.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException unchecked) {
                    throw unchecked;
                }
                throw new CompletionException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CompletionException(e);
            }
        }
    }
}
