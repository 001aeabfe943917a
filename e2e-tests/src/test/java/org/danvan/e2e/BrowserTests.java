package org.danvan.e2e;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a browser test its {@link Browser} and {@link WebPlatform} as parameters ({@code @BeforeAll static void
 * setUp(WebPlatform platform, Browser browser)}): both are started once per test JVM and closed after its last test.
 */
final class BrowserTests implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Browser.class || type == WebPlatform.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        // the browser first: without Chromium the class is skipped before the platform starts
        Browser browser = Browser.of(context);
        return parameter.getParameter().getType() == Browser.class ? browser : WebPlatform.of(context);
    }
}
