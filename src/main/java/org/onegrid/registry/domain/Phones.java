package org.onegrid.registry.domain;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.List;

/**
 * Phone numbers, checked against China's numbering plan with Google's libphonenumber: mobiles and landlines (with
 * area code), written with or without {@code +86}, spaces or dashes. Stored and indexed in one form, the national
 * number's digits ({@code 13812345678}, {@code 5468881234} for 0546-8881234), so a look-up finds it however it was
 * written.
 */
public final class Phones {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private Phones() {}

    /** Every violation of the number; an absent number is none (a phone is optional). */
    public static List<Violation> check(String field, String phone) {
        if (phone == null || phone.isBlank()) {
            return List.of();
        }
        PhoneNumber parsed = parse(phone);
        if (parsed == null) {
            return List.of(new Violation(field, "phone.form", "电话号码无法识别：" + phone.strip()));
        }
        if (!UTIL.isValidNumberForRegion(parsed, "CN")) {
            return List.of(new Violation(field, "phone.invalid", "不是有效的中国大陆电话号码：" + phone.strip()));
        }
        return List.of();
    }

    /** The national number's digits of a valid number; null for none or an invalid one. */
    public static String normalised(String phone) {
        if (phone == null || phone.isBlank()) {
            return null;
        }
        PhoneNumber parsed = parse(phone);
        if (parsed == null || !UTIL.isValidNumberForRegion(parsed, "CN")) {
            return null;
        }
        return String.valueOf(parsed.getNationalNumber());
    }

    private static PhoneNumber parse(String phone) {
        try {
            return UTIL.parse(phone.strip(), "CN");
        } catch (NumberParseException e) {
            return null;
        }
    }
}
