package org.onegrid.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onegrid.IntegrationTest;
import org.onegrid.catalog.Catalog;
import org.onegrid.region.Grids;
import org.onegrid.staff.Staff;
import org.onegrid.worktime.WorkCalendars;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A year without the State Council's notice never stops work: its deadlines are counted on the provisional calendar
 * and say so, the overview pages announce it, and once an administrator enters the official arrangement every open
 * deadline counted into that year is counted again, each change in the incident's history.
 */
@IntegrationTest
class OfficialHolidayArrangementTests {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @LocalServerPort
    int port;

    @Autowired
    Grids grids;

    @Autowired
    Staff staff;

    @Autowired
    Catalog catalog;

    @Autowired
    WorkCalendars calendars;

    @Autowired
    JdbcClient jdbc;

    Api api;
    Dongying.Spot spot;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        Dongying.catalog(catalog, staff);
        spot = Dongying.spot(grids, Dongying.DAWANG, 7);
    }

    @Test
    void fromNovemberOnTheOverviewSaysNextYearIsCountedProvisionallyUntilItIsEntered() {
        int official = 2026;
        while (!calendars.current().isProvisional(official + 1)) {
            official++; // another test may have entered the next year already
        }
        assertThat(calendars.notice(LocalDate.of(official, 10, 31))).isEmpty();
        assertThat(calendars.notice(LocalDate.of(official, 11, 1)))
                .contains((official + 1) + " 年节假日安排尚未录入，期限按法定节日临时计算");
        // a year that has begun without its arrangement is announced all year
        int far = calendars.current().lastYear() - 1;
        assertThat(calendars.notice(LocalDate.of(far, 6, 1))).contains(far + " 年节假日安排尚未录入，期限按法定节日临时计算");
        assertThat(calendars.notice(LocalDate.of(2025, 12, 1))).isEmpty();
    }

    @Test
    void anArrangementWithAFestivalMissingOrADayOfAnotherYearIsRefusedAndChangesNothing() {
        int year = calendars.current().lastYear() - 2;
        long entries = jdbc.sql("SELECT count(*) FROM work_calendar_year")
                .query(Long.class)
                .single();

        HttpResponse<String> missing =
                api.put("admin", "/api/v1/calendar/years/" + year, "{\"holidays\":{\"" + year + "-01-01\":\"元旦\"}}");
        assertThat(missing.statusCode()).as(missing.body()).isEqualTo(400);
        assertThat(missing.body()).contains("安排缺少法定节日");

        HttpResponse<String> foreign = api.put(
                "admin", "/api/v1/calendar/years/" + year, "{\"holidays\":{\"" + (year + 1) + "-01-01\":\"元旦\"}}");
        assertThat(foreign.statusCode()).isEqualTo(400);
        assertThat(foreign.body()).contains("不属于 " + year + " 年");

        HttpResponse<String> notJson = api.put("admin", "/api/v1/calendar/years/" + year, "{holidays");
        assertThat(notJson.statusCode()).isEqualTo(400);

        HttpResponse<String> byADispatcher = api.put("dawang.dispatcher", "/api/v1/calendar/years/" + year, "{}");
        assertThat(byADispatcher.statusCode()).isEqualTo(403);

        assertThat(jdbc.sql("SELECT count(*) FROM work_calendar_year")
                        .query(Long.class)
                        .single())
                .isEqualTo(entries);
        assertThat(calendars.current().isProvisional(year)).isTrue();
    }

    @Test
    void enteringNextYearsOfficialArrangementCountsEveryOpenDeadlineInItAgainAndSaysSoInItsHistory() {
        Map<String, Object> body = new HashMap<>();
        body.put("itemCode", Dongying.NOISE);
        body.put("text", "夜间施工噪音");
        body.put("longitude", spot.lng());
        body.put("latitude", spot.lat());
        String id = Api.json(api.post(spot.gridWorker(), "/api/v1/incidents", body))
                .get("id")
                .asString();
        String village = spot.villageDispatcher();
        String handler = spot.handler("chengguan");
        api.act(village, id, "accept", Map.of());
        api.act(village, id, "dispatch", Map.of("mode", "SINGLE", "department", "chengguan"));
        api.act(handler, id, "sign", Map.of());
        // a long extension carries the deadline far into the next year, whatever today's date
        api.act(handler, id, "request-extension", Map.of("hours", 700, "comment", "需协调多个施工单位"));
        JsonNode extended = api.act(village, id, "decide-extension", Map.of("approve", true));
        Instant provisionalDeadline =
                Instant.parse(extended.get("stage").get("deadline").asString());
        int year = LocalDate.ofInstant(provisionalDeadline, BEIJING).getYear();
        assertThat(calendars.current().isProvisional(year))
                .as("the extended deadline's year")
                .isTrue();
        assertThat(extended.get("stage").get("provisional").asBoolean()).isTrue();

        // the official arrangement: the law's festivals, and five more weekdays off just before the deadline
        java.util.Set<LocalDate> off = new java.util.TreeSet<>(
                org.onegrid.worktime.ProvisionalCalendar.festivals(year).keySet());
        LocalDate day = LocalDate.ofInstant(provisionalDeadline, BEIJING);
        for (int added = 0; added < 5 && day.getYear() == year; day = day.minusDays(1)) {
            if (day.getDayOfWeek().getValue() < 6 && calendars.current().isWorkingDay(day)) {
                off.add(day);
                added++;
            }
        }
        StringBuilder official = new StringBuilder("{\"holidays\":{");
        String separator = "";
        for (LocalDate holiday : off) {
            official.append(separator).append('"').append(holiday).append("\":\"\"");
            separator = ",";
        }
        official.append("}}");
        HttpResponse<String> entered = api.put("admin", "/api/v1/calendar/years/" + year, official.toString());
        assertThat(entered.statusCode()).as(entered.body()).isEqualTo(200);
        assertThat(Api.json(entered).get("provisional").asBoolean()).isFalse();

        JsonNode recounted = api.incident(village, id);
        Instant deadline = Instant.parse(recounted.get("stage").get("deadline").asString());
        assertThat(recounted.get("stage").get("provisional").asBoolean()).isFalse();
        assertThat(deadline).as("days off before it move the deadline later").isAfter(provisionalDeadline);
        JsonNode history = api.history(village, id);
        JsonNode last = history.get("entries").get(history.get("entries").size() - 1);
        assertThat(last.get("action").asString()).isEqualTo("RECOUNT_DEADLINE");
        assertThat(history.get("verified").asBoolean()).isTrue();
        assertThat(calendars.current().isProvisional(year)).isFalse();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE event = 'CALENDAR_YEAR_ENTERED'")
                        .query(Long.class)
                        .single())
                .isPositive();
    }
}
