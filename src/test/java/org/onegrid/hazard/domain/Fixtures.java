package org.onegrid.hazard.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.onegrid.registry.domain.OrganisationTag;
import org.onegrid.shared.geo.Position;

/** The people and places of the domain tests: a city, a county, a town, a village. */
final class Fixtures {

    static final String CITY = "/3705/";
    static final String COUNTY = "/3705/370523/";
    static final String TOWN = "/3705/370523/370523101/";
    static final String VILLAGE = "/3705/370523/370523101/370523101001/";
    static final Instant NOW = Instant.parse("2026-12-04T02:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 12, 4);
    static final Position PLANT = new Position(118.60, 37.45);

    static final Actor COUNTY_BUREAU = new Actor(11, "王科长", "DEPARTMENT_HANDLER", 100, "广饶县应急管理局", COUNTY);
    static final Actor TOWN_OFFICER = new Actor(12, "李安全员", "CENTRE_DISPATCHER", 200, "稻庄镇综治中心", TOWN);
    static final Actor CITY_CENTRE = new Actor(13, "赵主任", "CENTRE_DISPATCHER", 300, "东营市综治中心", CITY);
    static final Actor VILLAGE_WORKER = new Actor(14, "孙网格员", "GRID_WORKER", 400, "大王村综治中心", VILLAGE);
    static final Actor SYSTEM = new Actor(0, "系统", "SYSTEM", 0, "系统", "/");

    static final List<ChecklistItem> CHECKLIST = List.of(
            new ChecklistItem("1", "储罐区设有液位、温度、压力监测并联网", Evidence.PHOTO, Grade.MAJOR),
            new ChecklistItem("2", "消防器材完好有效", Evidence.NONE, Grade.GENERAL),
            new ChecklistItem("3", "特种作业人员持证上岗", Evidence.NOTE, Grade.GENERAL));

    static ScreeningPlan monthlyChemicalsPlan() {
        return ScreeningPlan.order(
                UUID.randomUUID(),
                COUNTY_BUREAU,
                "危化品企业月度安全隐患排查",
                null,
                Target.organisations(OrganisationTag.HAZARDOUS_CHEMICALS),
                "monthly",
                LocalDate.of(2026, 1, 1),
                20,
                CHECKLIST,
                TaskOwner.TOWN,
                TODAY);
    }

    static ScreeningTask townTask(ScreeningPlan plan) {
        Frequency.Slot slot = plan.frequency().slotOf(TODAY, plan.startsOn());
        return new ScreeningTask(
                UUID.randomUUID(),
                plan.id(),
                slot.key(),
                slot.label(),
                77L,
                "鲁源化工有限公司",
                "370523101001G01",
                VILLAGE,
                PLANT,
                TaskOwner.TOWN,
                TaskOwner.TOWN.ownerPath(VILLAGE),
                slot.start(),
                plan.dueOn(slot),
                TaskStatus.OPEN,
                0);
    }

    /** A point {@code metres} north of the plant. */
    static Position north(double metres) {
        return new Position(PLANT.lng(), PLANT.lat() + metres / 111_195.0);
    }

    static Hazard tankHazard() {
        return Hazard.find(
                        UUID.randomUUID(),
                        new Hazard.Found(
                                Source.TASK,
                                "task-1",
                                "1",
                                "储罐区设有液位、温度、压力监测并联网",
                                "2号储罐无液位监测，未接入监控平台",
                                Grade.MAJOR,
                                null,
                                new Unit(Unit.Kind.ORGANISATION, 77, "鲁源化工有限公司"),
                                "370523101001G01",
                                VILLAGE,
                                PLANT,
                                "鲁源化工有限公司",
                                List.of("p1")),
                        TOWN_OFFICER,
                        NOW)
                .hazard();
    }

    private Fixtures() {}
}
