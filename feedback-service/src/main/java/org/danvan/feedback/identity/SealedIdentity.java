package org.danvan.feedback.identity;

/** A reference to a sealed identity and the pseudonym that stands for the person everywhere else. */
public record SealedIdentity(String ref, String pseudonym) {
}
