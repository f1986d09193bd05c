package org.onegrid.catalog.web;

import org.onegrid.catalog.StageLimit;
import org.onegrid.worktime.TimeMode;
import org.springframework.stereotype.Component;

/**
 * A stage's time limit as people say it: {@code ${@limitWords.say(limit)}} gives 2 个工作小时, 30 分钟（自然时间）,
 * 3 天（自然时间）.
 */
@Component("limitWords")
public class LimitWords {

    public String say(StageLimit limit) {
        if (limit == null) {
            return "";
        }
        long minutes = limit.minutes();
        boolean working = limit.mode() == TimeMode.WORKING;
        if (!working && minutes >= 1440 && minutes % 1440 == 0) {
            return minutes / 1440 + " 天（自然时间）";
        }
        long hours = minutes / 60;
        long rest = minutes % 60;
        if (working) {
            if (rest == 0) {
                return hours + " 个工作小时";
            }
            return (hours == 0 ? "" : hours + " 小时 ") + rest + " 分钟（工作时间）";
        }
        return (hours == 0 ? "" : hours + " 小时") + (hours > 0 && rest > 0 ? " " : "") + (rest == 0 ? "" : rest + " 分钟")
                + "（自然时间）";
    }
}
