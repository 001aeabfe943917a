package org.danvan.feedback.identity;

/** Who filed a case. For a denunciation every field is secret (Law on Denunciations art. 47). */
public record CitizenIdentity(String name, String address, String phone, String email, String idNumber) {
}
