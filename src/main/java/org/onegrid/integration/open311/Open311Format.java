package org.onegrid.integration.open311;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/**
 * The two formats Open311 serves, named by the resource's extension ({@code services.xml}, {@code services.json}):
 * XML as the specification shows it (a root element, one element per field, lists as a plural element holding
 * singular ones, an empty element for a missing value) and JSON as its Spark-convention twin (the root list or
 * object itself, {@code null} for a missing value).
 */
enum Open311Format {
    XML(MediaType.parseMediaType("text/xml; charset=utf-8")),
    JSON(MediaType.parseMediaType("application/json; charset=utf-8"));

    /** The element of each entry of a list, by the list's name. */
    private static final Map<String, String> ENTRY = Map.of(
            "services", "service",
            "service_requests", "request",
            "service_request_updates", "request_update",
            "errors", "error",
            "attributes", "attribute",
            "values", "value",
            "endpoints", "endpoint",
            "formats", "format");

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    // the JDK's own writer, whatever StAX implementation a library brings onto the class path (the spreadsheet reader
    // brings one that writes the declaration in single quotes)
    private static final XMLOutputFactory XML_OUTPUT = XMLOutputFactory.newDefaultFactory();

    private final MediaType mediaType;

    Open311Format(MediaType mediaType) {
        this.mediaType = mediaType;
    }

    /** The format an extension names; empty for any other. */
    static Optional<Open311Format> of(String extension) {
        return switch (extension == null ? "" : extension.toLowerCase(Locale.ROOT)) {
            case "xml" -> Optional.of(XML);
            case "json" -> Optional.of(JSON);
            default -> Optional.empty();
        };
    }

    /** The format of a request's path: JSON for {@code .json}, XML (the one Open311 requires) otherwise. */
    static Open311Format ofPath(String path) {
        return path != null && path.toLowerCase(Locale.ROOT).endsWith(".json") ? JSON : XML;
    }

    MediaType mediaType() {
        return mediaType;
    }

    /**
     * A response with a document: {@code root} names the XML root element; {@code content} is a list (of maps) or a
     * map of fields whose values are text, numbers, booleans, null, maps or lists.
     */
    ResponseEntity<String> respond(HttpStatus status, String root, Object content) {
        return ResponseEntity.status(status).contentType(mediaType).body(write(root, content));
    }

    String write(String root, Object content) {
        return this == JSON ? MAPPER.writeValueAsString(content) : xml(root, content);
    }

    private static String xml(String root, Object content) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XML_OUTPUT.createXMLStreamWriter(out);
            xml.writeStartDocument("utf-8", "1.0");
            element(xml, root, content);
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write " + root, e);
        }
        return out.toString();
    }

    private static void element(XMLStreamWriter xml, String name, Object value) throws XMLStreamException {
        if (value == null) {
            xml.writeEmptyElement(name);
            return;
        }
        xml.writeStartElement(name);
        if (value instanceof Map<?, ?> fields) {
            for (Map.Entry<?, ?> field : fields.entrySet()) {
                element(xml, field.getKey().toString(), field.getValue());
            }
        } else if (value instanceof List<?> entries) {
            String entry = ENTRY.get(name);
            if (entry == null) {
                throw new IllegalArgumentException("No entry element known for the list " + name);
            }
            for (Object each : entries) {
                element(xml, entry, each);
            }
        } else {
            xml.writeCharacters(text(value));
        }
        xml.writeEndElement();
    }

    private static String text(Object value) {
        if (value instanceof Double d) {
            return BigDecimal.valueOf(d).toPlainString();
        }
        return xmlChars(value.toString());
    }

    /**
     * The text without the characters XML 1.0 forbids (control characters other than tab, line feed and carriage
     * return, unpaired surrogates, U+FFFE and U+FFFF): the stream writer escapes markup but writes these raw, and one
     * of them in a stored description would make every document that lists it unreadable for every client.
     */
    static String xmlChars(String text) {
        int length = text.length();
        for (int i = 0; i < length; ) {
            int c = text.codePointAt(i);
            if (!allowedInXml(c) || (Character.isSurrogate(text.charAt(i)) && Character.charCount(c) == 1)) {
                return dropForbidden(text);
            }
            i += Character.charCount(c);
        }
        return text;
    }

    private static String dropForbidden(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            int width = Character.charCount(c);
            boolean unpaired = width == 1 && Character.isSurrogate(text.charAt(i));
            if (allowedInXml(c) && !unpaired) {
                out.appendCodePoint(c);
            }
            i += width;
        }
        return out.toString();
    }

    private static boolean allowedInXml(int c) {
        return c == 0x9
                || c == 0xA
                || c == 0xD
                || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }
}
