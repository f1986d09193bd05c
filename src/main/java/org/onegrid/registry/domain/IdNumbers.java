package org.onegrid.registry.domain;

import cn.hutool.core.util.IdcardUtil;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The 18-character resident ID number 公民身份号码 (GB 11643): six digits of the region of registration, the birth
 * date, a sequence number whose parity gives the sex, and the MOD 11-2 check character (ISO 7064). Checked with
 * Hutool's {@link IdcardUtil}; birth date and sex derive from the number and must agree with what was entered.
 */
public final class IdNumbers {

    private static final Pattern FORM = Pattern.compile("[1-9]\\d{16}[0-9X]");

    private IdNumbers() {}

    /** The number as stored and indexed: stripped, with an upper-case {@code X}; null stays null. */
    public static String normalised(String id) {
        return id == null ? null : id.strip().toUpperCase(Locale.ROOT);
    }

    /**
     * Every violation of the number and of the given birth date and sex against it.
     *
     * @param birthDate as entered, or null to take it from the number
     * @param sex as entered, or null to take it from the number
     */
    public static List<Violation> check(String field, String id, LocalDate birthDate, Sex sex) {
        List<Violation> found = new ArrayList<>();
        String n = normalised(id);
        if (n == null || n.isEmpty()) {
            found.add(new Violation(field, "id-number.missing", "公民身份号码不能为空"));
            return found;
        }
        if (!FORM.matcher(n).matches()) {
            found.add(new Violation(field, "id-number.form", "公民身份号码须为 18 位：17 位数字加 1 位数字或 X"));
            return found;
        }
        if (IdcardUtil.getProvinceByIdCard(n) == null) {
            found.add(new Violation(field, "id-number.region", "公民身份号码前两位 " + n.substring(0, 2) + " 不是有效的省级代码"));
        }
        LocalDate born = birthDate(n);
        if (born == null || born.isAfter(LocalDate.now())) {
            found.add(new Violation(field, "id-number.birth-date", "公民身份号码中的出生日期 " + n.substring(6, 14) + " 无效"));
        } else if (found.isEmpty() && !IdcardUtil.isValidCard18(n)) {
            found.add(new Violation(field, "id-number.check-digit", "公民身份号码校验码错误（GB 11643 MOD 11-2）"));
        }
        if (born != null && birthDate != null && !born.equals(birthDate)) {
            found.add(new Violation(
                    "birthDate", "birth-date.mismatch", "出生日期 " + birthDate + " 与公民身份号码中的 " + born + " 不一致"));
        }
        if (sex != null && sex != sexOf(n)) {
            found.add(new Violation(
                    "sex", "sex.mismatch", "性别“" + sex.label() + "”与公民身份号码所示的“" + sexOf(n).label() + "”不一致"));
        }
        return found;
    }

    /** The birth date in a well-formed number; null when it is no date. */
    public static LocalDate birthDate(String id) {
        String n = normalised(id);
        try {
            return LocalDate.of(
                    Integer.parseInt(n.substring(6, 10)),
                    Integer.parseInt(n.substring(10, 12)),
                    Integer.parseInt(n.substring(12, 14)));
        } catch (DateTimeException | NumberFormatException | IndexOutOfBoundsException e) {
            return null;
        }
    }

    /** The sex in a well-formed number: the 17th digit odd for male. */
    public static Sex sexOf(String id) {
        return IdcardUtil.getGenderByIdCard(normalised(id)) == 1 ? Sex.MALE : Sex.FEMALE;
    }
}
