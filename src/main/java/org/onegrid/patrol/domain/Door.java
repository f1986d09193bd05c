package org.onegrid.patrol.domain;

import org.onegrid.shared.geo.Position;

/** The household visited, where its door is: its address point, its grid and how many live there. */
public record Door(long householdId, String gridCode, String regionPath, Position point, int persons) {}
