-- The ledger's 挂牌督办 filter: the few open hazards under supervision, newest first, without scanning the rest.
CREATE INDEX hazard_supervised_open ON hazard (found_at DESC) WHERE supervision_level > 0 AND status <> 'CLOSED';
