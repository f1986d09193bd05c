-- Every node keeps the regions and the grid index in memory. An import bumps this stamp in its own transaction;
-- each node compares it every few seconds with the one it has loaded and reloads when it moved.
CREATE TABLE region_stamp (
    id    INT PRIMARY KEY CHECK (id = 1),
    stamp BIGINT NOT NULL
);
INSERT INTO region_stamp (id, stamp) VALUES (1, 0);
