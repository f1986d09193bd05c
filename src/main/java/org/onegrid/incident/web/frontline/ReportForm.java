package org.onegrid.incident.web.frontline;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.onegrid.catalog.Catalog;
import org.onegrid.catalog.CatalogItemView;
import org.onegrid.region.Grids;
import org.onegrid.region.Location;

/**
 * A report as typed on a phone (grid worker or resident), checked on the server field by field: the errors are
 * message keys by field, shown beside the fields.
 */
final class ReportForm {

    static final int MAX_TEXT = 4000;
    static final int MAX_NAME = 50;
    private static final java.util.regex.Pattern PHONE =
            java.util.regex.Pattern.compile("1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}");

    final String key;
    final String itemCode;
    final String text;
    final String lng;
    final String lat;
    final String address;
    final String phone;
    /** The resident a grid worker reports for (代报), when they name one. */
    String residentName = "";

    final Map<String, String> errors = new LinkedHashMap<>();
    CatalogItemView item;
    Location location;

    ReportForm(String key, String itemCode, String text, String lng, String lat, String address, String phone) {
        this.key = key == null || key.isBlank() || key.length() > 64
                ? UUID.randomUUID().toString()
                : key.strip();
        this.itemCode = trim(itemCode);
        this.text = text == null ? "" : text.strip();
        this.lng = trim(lng);
        this.lat = trim(lat);
        this.address = trim(address);
        this.phone = trim(phone);
    }

    static ReportForm blank() {
        return new ReportForm(null, "", "", "", "", "", "");
    }

    ReportForm check(Catalog catalog, Grids grids) {
        // without a type the platform suggests one from the text (智能分拨) and marks the report 类型待确认; without
        // either there is nothing to go by
        if (itemCode.isEmpty() && text.isEmpty()) {
            errors.put("itemCode", "mobile.error.type");
        } else if (!itemCode.isEmpty()) {
            item = catalog.item(itemCode).filter(CatalogItemView::active).orElse(null);
            if (item == null) {
                errors.put("itemCode", "mobile.error.type");
            }
        }
        if (text.isEmpty() || text.length() > MAX_TEXT) {
            errors.put("text", "mobile.error.text");
        }
        Optional<double[]> point = point();
        if (point.isEmpty()) {
            errors.put("location", "mobile.error.location");
        } else {
            location = grids.locate(point.get()[0], point.get()[1]).orElse(null);
            if (location == null) {
                errors.put("location", "mobile.error.outside");
            }
        }
        if (address.length() > 500) {
            errors.put("address", "mobile.error.comment");
        }
        return this;
    }

    /** The phone number, if one was typed, must be a mobile or landline number of the mainland. */
    ReportForm checkPhone() {
        if (!digits().isEmpty() && !PHONE.matcher(digits()).matches()) {
            errors.put("phone", "resident.error.phone");
        }
        return this;
    }

    /** 代报: the resident's name, if given, fits the field; with a name or a phone the report is made for them. */
    ReportForm forResident(String name) {
        residentName = trim(name);
        if (residentName.length() > MAX_NAME) {
            errors.put("residentName", "mobile.error.residentName");
        }
        return checkPhone();
    }

    boolean forAResident() {
        return !residentName.isEmpty() || !digits().isEmpty();
    }

    String digits() {
        return phone.replace(" ", "");
    }

    Optional<double[]> point() {
        try {
            double x = Double.parseDouble(lng);
            double y = Double.parseDouble(lat);
            if (!Double.isFinite(x) || !Double.isFinite(y) || x < -180 || x > 180 || y < -90 || y > 90) {
                return Optional.empty();
            }
            return Optional.of(new double[] {x, y});
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    boolean valid() {
        return errors.isEmpty();
    }

    private static String trim(String s) {
        return s == null ? "" : s.strip();
    }

    // read by the templates
    public String getKey() {
        return key;
    }

    public String getItemCode() {
        return itemCode;
    }

    public String getItemName() {
        return item == null ? null : item.name();
    }

    public String getText() {
        return text;
    }

    public String getLng() {
        return lng;
    }

    public String getLat() {
        return lat;
    }

    public String getAddress() {
        return address;
    }

    public String getResidentName() {
        return residentName;
    }

    public String getPhone() {
        return phone;
    }

    public Map<String, String> getErrors() {
        return errors;
    }
}
