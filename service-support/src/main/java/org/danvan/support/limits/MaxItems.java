package org.danvan.support.limits;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/** A list (or map) in a request body with at most {@code danvan.limits.max-items} items ({@link RequestLimits}). */
@Documented
@Constraint(validatedBy = MaxItemsValidator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface MaxItems {

    String message() default "{danvan.limits.max-items}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
