package org.onegrid.worktime;

/** How a time limit (时限) is counted. */
public enum TimeMode {
    /** 工作时: only time inside office hours on working days counts. */
    WORKING,
    /** 自然时: every hour counts, nights, weekends and holidays included. */
    NATURAL
}
