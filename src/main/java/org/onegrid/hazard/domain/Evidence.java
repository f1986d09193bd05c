package org.onegrid.hazard.domain;

/** What an answered checklist item must come with. */
public enum Evidence {
    NONE("无需"),
    NOTE("文字说明"),
    PHOTO("现场照片"),
    PHOTO_AND_NOTE("现场照片和文字说明");

    private final String label;

    Evidence(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean needsPhoto() {
        return this == PHOTO || this == PHOTO_AND_NOTE;
    }

    public boolean needsNote() {
        return this == NOTE || this == PHOTO_AND_NOTE;
    }
}
