package org.danvan.feedback.sessions;

public enum SessionKind {
    /** A leader receives citizens (tiếp công dân). */
    RECEPTION_DAY,
    /** A dialogue conference between leaders and citizens (đối thoại). */
    DIALOGUE
}
