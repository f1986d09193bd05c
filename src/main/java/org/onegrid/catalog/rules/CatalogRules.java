package org.onegrid.catalog.rules;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.onegrid.catalog.AttributeDefinition;
import org.onegrid.catalog.AttributeDefinition.AttributeValue;
import org.onegrid.catalog.CatalogItemDraft;
import org.onegrid.catalog.StageLimit;

/**
 * What a catalog category or item must satisfy. Returns every violation instead of throwing, so the caller can name
 * them all and write nothing.
 *
 * @param categoryExists whether a category code is known
 * @param departmentExists whether a department short code is known
 */
public record CatalogRules(Predicate<String> categoryExists, Predicate<String> departmentExists) {

    /** Codes of categories and items: upper-case letters, digits and {@code _ . -}, e.g. {@code CSGL-004}. */
    public static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9_.-]{1,31}");

    private static final Pattern ATTRIBUTE_CODE = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,31}");

    /** Longer than any real stage: a limit beyond this is a typo (minutes for hours, hours for days). */
    public static final Duration LONGEST_LIMIT = Duration.ofDays(90);

    public static final int MAX_NAME = 40;
    public static final int MAX_DESCRIPTION = 500;
    public static final int MAX_DEPARTMENTS = 8;
    public static final int MAX_KEYWORDS = 40;
    public static final int MAX_KEYWORD = 20;
    public static final int MAX_ATTRIBUTES = 20;

    public List<Violation> checkCode(String code) {
        List<Violation> found = new ArrayList<>();
        code(found, code);
        return found;
    }

    public List<Violation> checkCategoryName(String name) {
        List<Violation> found = new ArrayList<>();
        name(found, "name", name, 20);
        return found;
    }

    /** The rules of an item's content (not its code). */
    public List<Violation> check(CatalogItemDraft draft) {
        List<Violation> found = new ArrayList<>();
        if (isBlank(draft.categoryCode())) {
            found.add(new Violation("categoryCode", "必须指定所属大类"));
        } else if (!categoryExists.test(draft.categoryCode())) {
            found.add(new Violation("categoryCode", "大类 " + draft.categoryCode() + " 不存在"));
        }
        name(found, "name", draft.name(), MAX_NAME);
        if (draft.description() != null && draft.description().length() > MAX_DESCRIPTION) {
            found.add(new Violation("description", "说明不能超过 " + MAX_DESCRIPTION + " 字"));
        }
        departments(found, draft.departmentCodes());
        if (draft.level() == null) {
            found.add(new Violation("level", "必须指定处置层级（GRID、VILLAGE、TOWN、COUNTY 或 CITY）"));
        }
        limit(found, "accept", draft.accept());
        limit(found, "handle", draft.handle());
        limit(found, "verify", draft.verify());
        keywords(found, draft.keywords());
        attributes(found, draft.attributes());
        return found;
    }

    private static void code(List<Violation> found, String code) {
        if (isBlank(code)) {
            found.add(new Violation("code", "编码不能为空"));
        } else if (!CODE.matcher(code).matches()) {
            found.add(new Violation("code", "编码须为 2–32 位大写字母、数字或 _ . -，以字母或数字开头：" + code));
        }
    }

    private static void name(List<Violation> found, String field, String name, int max) {
        if (isBlank(name)) {
            found.add(new Violation(field, "名称不能为空"));
        } else if (name.strip().length() > max) {
            found.add(new Violation(field, "名称不能超过 " + max + " 字"));
        }
    }

    private void departments(List<Violation> found, List<String> codes) {
        if (codes == null || codes.isEmpty()) {
            found.add(new Violation("departmentCodes", "至少指定一个责任部门"));
            return;
        }
        if (codes.size() > MAX_DEPARTMENTS) {
            found.add(new Violation("departmentCodes", "责任部门不能超过 " + MAX_DEPARTMENTS + " 个"));
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            String field = "departmentCodes[" + i + "]";
            if (isBlank(code)) {
                found.add(new Violation(field, "部门代码不能为空"));
            } else if (!seen.add(code)) {
                found.add(new Violation(field, "部门 " + code + " 重复"));
            } else if (!departmentExists.test(code)) {
                found.add(new Violation(field, "部门 " + code + " 不存在"));
            }
        }
    }

    private static void limit(List<Violation> found, String field, StageLimit limit) {
        if (limit == null) {
            found.add(new Violation(field, "必须指定时限"));
            return;
        }
        Duration duration = limit.limit();
        if (duration.isNegative() || duration.isZero() || duration.toMinutes() == 0) {
            found.add(new Violation(field + ".minutes", "时限须至少 1 分钟"));
        } else if (duration.compareTo(LONGEST_LIMIT) > 0) {
            found.add(new Violation(field + ".minutes", "时限不能超过 90 天（" + LONGEST_LIMIT.toMinutes() + " 分钟）"));
        } else if (!duration.equals(Duration.ofMinutes(duration.toMinutes()))) {
            found.add(new Violation(field + ".minutes", "时限须为整分钟"));
        }
    }

    private static void keywords(List<Violation> found, List<String> keywords) {
        if (keywords == null) {
            return;
        }
        if (keywords.size() > MAX_KEYWORDS) {
            found.add(new Violation("keywords", "关键词不能超过 " + MAX_KEYWORDS + " 个"));
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < keywords.size(); i++) {
            String keyword = keywords.get(i);
            String field = "keywords[" + i + "]";
            if (isBlank(keyword)) {
                found.add(new Violation(field, "关键词不能为空"));
            } else if (keyword.strip().length() > MAX_KEYWORD) {
                found.add(new Violation(field, "关键词不能超过 " + MAX_KEYWORD + " 字"));
            } else if (!seen.add(keyword.strip().toLowerCase(Locale.ROOT))) {
                found.add(new Violation(field, "关键词 " + keyword.strip() + " 重复"));
            }
        }
    }

    private static void attributes(List<Violation> found, List<AttributeDefinition> attributes) {
        if (attributes == null) {
            return;
        }
        if (attributes.size() > MAX_ATTRIBUTES) {
            found.add(new Violation("attributes", "附加属性不能超过 " + MAX_ATTRIBUTES + " 个"));
            return;
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < attributes.size(); i++) {
            AttributeDefinition attribute = attributes.get(i);
            String field = "attributes[" + i + "]";
            if (attribute == null) {
                found.add(new Violation(field, "附加属性不能为空"));
                continue;
            }
            if (attribute.code() == null
                    || !ATTRIBUTE_CODE.matcher(attribute.code()).matches()) {
                found.add(new Violation(field + ".code", "属性编码须为 1–32 位字母、数字或 _，以字母开头"));
            } else if (!codes.add(attribute.code())) {
                found.add(new Violation(field + ".code", "属性编码 " + attribute.code() + " 重复"));
            }
            if (isBlank(attribute.description()) || attribute.description().length() > 100) {
                found.add(new Violation(field + ".description", "属性说明须为 1–100 字"));
            }
            if (attribute.datatype() == null || !AttributeDefinition.DATATYPES.contains(attribute.datatype())) {
                found.add(new Violation(
                        field + ".datatype",
                        "数据类型须为 "
                                + String.join(
                                        "、",
                                        AttributeDefinition.DATATYPES.stream()
                                                .sorted()
                                                .toList())));
            } else if (attribute.offersChoices()) {
                choices(found, field, attribute.values());
            } else if (!attribute.values().isEmpty()) {
                found.add(new Violation(field + ".values", "只有列表类型的属性可以有选项"));
            }
        }
    }

    private static void choices(List<Violation> found, String field, List<AttributeValue> values) {
        if (values.isEmpty()) {
            found.add(new Violation(field + ".values", "列表类型的属性至少要有一个选项"));
            return;
        }
        Set<String> keys = new HashSet<>();
        for (int j = 0; j < values.size(); j++) {
            AttributeValue value = values.get(j);
            String at = field + ".values[" + j + "]";
            if (value == null || isBlank(value.key()) || isBlank(value.name())) {
                found.add(new Violation(at, "选项须有 key 和 name"));
            } else if (!keys.add(value.key())) {
                found.add(new Violation(at + ".key", "选项 " + value.key() + " 重复"));
            }
        }
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
