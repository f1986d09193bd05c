package org.onegrid.worktime;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the holiday arrangements shipped on the classpath as {@code calendar/YYYY.json} (format of the npm
 * package {@code chinese-days}, see {@code calendar/NOTICE.md}). Only the classpath is read, so a deployed
 * application carries its own calendar.
 */
final class ClasspathCalendar {

    static final String LOCATION = "classpath*:calendar/*.json";

    private static final Pattern FILE_NAME = Pattern.compile("(\\d{4})\\.json");

    private ClasspathCalendar() {}

    static List<CalendarYear> load() {
        Resource[] resources;
        try {
            resources = new PathMatchingResourcePatternResolver(ClasspathCalendar.class.getClassLoader())
                    .getResources(LOCATION);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot list the working-time calendar at " + LOCATION, e);
        }
        if (resources.length == 0) {
            throw new IllegalStateException("No working-time calendar on the classpath at " + LOCATION);
        }
        Map<Integer, Resource> byYear = new TreeMap<>();
        List<CalendarYear> years = new ArrayList<>();
        for (Resource resource : resources) {
            Matcher name = FILE_NAME.matcher(String.valueOf(resource.getFilename()));
            if (!name.matches()) {
                throw new IllegalStateException(
                        "Working-time calendar file " + resource.getDescription() + " is not named YYYY.json");
            }
            int year = Integer.parseInt(name.group(1));
            Resource previous = byYear.put(year, resource);
            if (previous != null) {
                // Two copies on the classpath might differ; picking one would be a guess.
                throw new IllegalStateException("Working-time calendar for " + year + " found twice: "
                        + previous.getDescription() + " and " + resource.getDescription());
            }
            years.add(read(year, resource));
        }
        return years;
    }

    static CalendarYear read(int year, Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            JsonNode root = JsonMapper.shared().readTree(in);
            Set<LocalDate> holidays = dates(root, "holidays");
            // 调休 rest days are in "holidays" too in every file so far; adding them keeps us right if one is not.
            holidays.addAll(dates(root, "inLieuDays"));
            return new CalendarYear(year, holidays, dates(root, "workdays"));
        } catch (IOException | JacksonException | DateTimeParseException | IllegalArgumentException e) {
            throw new IllegalStateException(
                    "Cannot read working-time calendar " + resource.getDescription() + ": " + e.getMessage(), e);
        }
    }

    private static Set<LocalDate> dates(JsonNode root, String field) {
        Set<LocalDate> dates = new HashSet<>();
        JsonNode node = root.get(field);
        if (node == null) {
            return dates;
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("\"" + field + "\" is not an object of dates");
        }
        for (String date : node.propertyNames()) {
            dates.add(LocalDate.parse(date));
        }
        return dates;
    }
}
