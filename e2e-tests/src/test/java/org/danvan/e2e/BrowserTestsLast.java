package org.danvan.e2e;

import java.util.Arrays;
import java.util.Comparator;

import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the browser test classes after every other class of the JVM, in their usual order otherwise: their shared
 * platform ({@link WebPlatform}) stays up until the JVM's last test, and its services would otherwise consume the
 * other tests' topics and relay the other tests' outboxes (they share the broker and the store).
 */
public class BrowserTestsLast implements ClassOrderer {

    @Override
    public void orderClasses(ClassOrdererContext context) {
        // a stable sort: false (not a browser test) first
        context.getClassDescriptors().sort(Comparator.comparing(descriptor -> descriptor.findAnnotation(ExtendWith.class)
                .map(extension -> Arrays.asList(extension.value()).contains(BrowserTests.class)).orElse(false)));
    }
}
