package org.danvan.feedback.petitions;

public enum PetitionStatus {
    OPEN,
    CLOSED,
    ANSWERED
}
