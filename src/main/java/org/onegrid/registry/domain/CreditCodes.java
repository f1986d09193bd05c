package org.onegrid.registry.domain;

import cn.hutool.core.util.CreditCodeUtil;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The unified social credit code 统一社会信用代码 (GB 32100): 18 characters, the last a check character over the
 * other seventeen; checked with Hutool's {@link CreditCodeUtil}.
 */
public final class CreditCodes {

    private CreditCodes() {}

    public static String normalised(String code) {
        return code == null ? null : code.strip().toUpperCase(Locale.ROOT);
    }

    public static List<Violation> check(String field, String code) {
        List<Violation> found = new ArrayList<>();
        String n = normalised(code);
        if (n == null || n.isEmpty()) {
            found.add(new Violation(field, "credit-code.missing", "统一社会信用代码不能为空"));
        } else if (!CreditCodeUtil.isCreditCodeSimple(n)) {
            found.add(new Violation(field, "credit-code.form", "统一社会信用代码须为 18 位数字或大写字母（不含 I、O、Z、S、V）"));
        } else if (!CreditCodeUtil.isCreditCode(n)) {
            found.add(new Violation(field, "credit-code.check-character", "统一社会信用代码校验码错误（GB 32100）"));
        }
        return found;
    }
}
