package org.onegrid.patrol.web;

import java.util.Map;
import java.util.UUID;
import org.onegrid.patrol.domain.ChangeKind;
import org.onegrid.patrol.domain.Outcome;

/** The visit form as the phone sends it; everything as text, read leniently and checked by the visit itself. */
public class VisitForm {

    private String id;
    private String startedAt;
    private String outcome;
    private String lng;
    private String lat;
    private String personsVerified;
    private String notes;
    private String changeKind;
    private String personId;
    private String changeText;
    private boolean problemFound;
    private String itemCode;
    private String itemName;
    private String problemText;

    UUID id() {
        try {
            return id == null ? null : UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    Outcome outcome() {
        try {
            return outcome == null || outcome.isBlank() ? null : Outcome.valueOf(outcome);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    ChangeKind changeKind() {
        try {
            return changeKind == null || changeKind.isBlank() ? null : ChangeKind.valueOf(changeKind);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The incident type picker's messages (none: the visit's problems are listed on top). */
    public Map<String, String> getErrors() {
        return Map.of();
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getStartedAt() {
        return startedAt;
    }

    public void setStartedAt(String startedAt) {
        this.startedAt = startedAt;
    }

    public String getOutcome() {
        return outcome;
    }

    public void setOutcome(String outcome) {
        this.outcome = outcome;
    }

    public String getLng() {
        return lng;
    }

    public void setLng(String lng) {
        this.lng = lng;
    }

    public String getLat() {
        return lat;
    }

    public void setLat(String lat) {
        this.lat = lat;
    }

    public String getPersonsVerified() {
        return personsVerified;
    }

    public void setPersonsVerified(String personsVerified) {
        this.personsVerified = personsVerified;
    }

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }

    public String getChangeKind() {
        return changeKind;
    }

    public void setChangeKind(String changeKind) {
        this.changeKind = changeKind;
    }

    public String getPersonId() {
        return personId;
    }

    public void setPersonId(String personId) {
        this.personId = personId;
    }

    public String getChangeText() {
        return changeText;
    }

    public void setChangeText(String changeText) {
        this.changeText = changeText;
    }

    public boolean isProblemFound() {
        return problemFound;
    }

    public void setProblemFound(boolean problemFound) {
        this.problemFound = problemFound;
    }

    public String getItemCode() {
        return itemCode;
    }

    public void setItemCode(String itemCode) {
        this.itemCode = itemCode;
    }

    public String getItemName() {
        return itemName;
    }

    public void setItemName(String itemName) {
        this.itemName = itemName;
    }

    public String getProblemText() {
        return problemText;
    }

    public void setProblemText(String problemText) {
        this.problemText = problemText;
    }
}
