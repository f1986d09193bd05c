package org.onegrid.registry;

import java.time.LocalDate;
import org.onegrid.registry.domain.LifeEventKind;

/** Record a life event 迁入/迁出/死亡/注销 of a person. */
public record RecordLifeEvent(long personId, LifeEventKind kind, LocalDate occurredOn, String note) {}
