package org.danvan.support.limits;

import java.util.Collection;
import java.util.Map;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

/** Checks {@link MaxItems} on a list or a map against the configured limit; Spring's validator factory supplies the limits. */
public class MaxItemsValidator implements ConstraintValidator<MaxItems, Object> {

    private final RequestLimits limits;

    public MaxItemsValidator(RequestLimits limits) {
        this.limits = limits;
    }

    @Override
    public boolean isValid(Object items, ConstraintValidatorContext context) {
        int size = items instanceof Collection<?> list ? list.size() : items instanceof Map<?, ?> map ? map.size() : 0;
        if (size <= limits.maxItems()) {
            return true;
        }
        // the message names the limit, which is configuration rather than an annotation attribute
        context.unwrap(HibernateConstraintValidatorContext.class).addMessageParameter("max", limits.maxItems());
        return false;
    }
}
