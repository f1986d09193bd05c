package org.onegrid.casework;

import java.time.Instant;
import java.util.List;

/**
 * What {@link HistoryChain} hashes of one entry of a case's history, whatever the case: an incident's entry with its
 * typed statuses and actions, a dispute's or a hazard's {@link CaseEntry} with their names. The names are the enum
 * constants' names, so an incident's chain hashes exactly as it did when the chain was the incident's own.
 */
public interface ChainedEntry {

    /** The case the entry belongs to, as text (a UUID); one chain per case. */
    String chainId();

    long sequence();

    Instant at();

    long actorId();

    String actorName();

    String roleName();

    long orgId();

    /** The status before, or null for the entry that creates the case. */
    String fromStatusName();

    String toStatusName();

    String actionName();

    String comment();

    String detail();

    List<String> attachmentIds();

    String previousHash();

    String hash();
}
