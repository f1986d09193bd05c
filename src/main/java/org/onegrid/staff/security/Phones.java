package org.onegrid.staff.security;

/** Display form of phone numbers: personal data is shown masked, {@code 138****1234}. */
public final class Phones {

    /** The associated-data label of encrypted phone numbers in {@code staff_user.phone_cipher}. */
    public static final String CONTEXT = "staff_user.phone";

    private Phones() {}

    public static String mask(String phone) {
        if (phone == null) {
            return null;
        }
        if (phone.length() < 8) {
            return "*".repeat(phone.length());
        }
        return phone.substring(0, 3) + "*".repeat(phone.length() - 7) + phone.substring(phone.length() - 4);
    }
}
