-- Open311 (integration module): requests located only by an address wait in the city centre's placement queue
-- (hotline_order, which the 12345 hotline's orders without coordinates already use), and residents' follow-up
-- comments (POST servicerequestupdates) are remembered by the client's update_id.

-- Which channel queued an order: the hotline, or Open311 (order id 'OPEN311-' and the request's token).
ALTER TABLE hotline_order ADD COLUMN source TEXT NOT NULL DEFAULT 'HOTLINE' CHECK (source IN ('HOTLINE', 'OPEN311'));

-- A request waiting for placement has no incident yet, only the token the client follows it by.
ALTER TABLE open311_request DROP CONSTRAINT open311_request_pkey;
ALTER TABLE open311_request ALTER COLUMN incident_id DROP NOT NULL;
ALTER TABLE open311_request ADD COLUMN id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY;
ALTER TABLE open311_request ADD CONSTRAINT open311_request_incident_key UNIQUE (incident_id);
ALTER TABLE open311_request ADD COLUMN token TEXT UNIQUE;
ALTER TABLE open311_request ADD CHECK (incident_id IS NOT NULL OR token IS NOT NULL);

-- A resident's follow-up comment a client posted, by the client's own update_id: posting it again adds nothing.
CREATE TABLE open311_update (
    client_id        BIGINT NOT NULL REFERENCES open311_client (id),
    client_update_id TEXT NOT NULL,
    incident_id      UUID NOT NULL,
    -- the incident history entry (补充说明) it became
    sequence         BIGINT NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (client_id, client_update_id)
);
