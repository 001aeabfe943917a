package org.danvan.reporting.catalogue;

import java.util.Locale;

/** A people-facing text in Vietnamese (the default) and English. */
public record LocalizedText(String vi, String en) {

    /** English for a caller asking for English, Vietnamese for everyone else. */
    public String in(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) && en != null ? en : vi;
    }
}
