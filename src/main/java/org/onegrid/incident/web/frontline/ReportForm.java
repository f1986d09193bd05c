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

    final String key;
    final String itemCode;
    final String text;
    final String lng;
    final String lat;
    final String address;
    final String phone;
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
        if (itemCode.isEmpty()) {
            errors.put("itemCode", "mobile.error.type");
        } else {
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

    public String getPhone() {
        return phone;
    }

    public Map<String, String> getErrors() {
        return errors;
    }
}
