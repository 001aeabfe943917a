package org.danvan.web.petitions;

/** What a citizen types to sign a petition online. */
public class SignForm {

    private String name;
    private String idNumber;

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getIdNumber() { return idNumber; }
    public void setIdNumber(String idNumber) { this.idNumber = idNumber; }
}
