-- Official holiday arrangements entered by administrators (法定节假日安排): they take precedence over the files
-- shipped with the application and over the computed provisional calendar. One row per year; re-entering a year
-- replaces it (the audit log keeps who did what).
CREATE SEQUENCE work_calendar_revision;
CREATE TABLE work_calendar_year (
    year        INT PRIMARY KEY CHECK (year BETWEEN 2000 AND 2200),
    holidays    DATE[] NOT NULL,
    workdays    DATE[] NOT NULL,
    entered_by  BIGINT NOT NULL,
    entered_at  TIMESTAMPTZ NOT NULL,
    -- moves with every entry, so that every node sees a change by comparing one number
    revision    BIGINT NOT NULL DEFAULT nextval('work_calendar_revision')
);
