package org.onegrid.registry;

/** A household in a list: where, in which grid, its head (masked) and how many members. */
public record HouseholdSummaryView(
        long id, long addressId, String address, String gridCode, Long headId, String maskedHeadName, int members) {}
