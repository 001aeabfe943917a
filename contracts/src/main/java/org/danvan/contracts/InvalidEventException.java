package org.danvan.contracts;

import java.util.List;

/** An inbound event that breaks the contract: its envelope or its data. The message lists every reason. */
public class InvalidEventException extends RuntimeException {

    private final List<String> reasons;

    public InvalidEventException(List<String> reasons) {
        super(String.join("; ", reasons));
        this.reasons = List.copyOf(reasons);
    }

    public List<String> reasons() {
        return reasons;
    }
}
