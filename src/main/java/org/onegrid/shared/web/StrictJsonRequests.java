package org.onegrid.shared.web;

import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * How the API reads JSON bodies: a value is of the type the field declares, never coerced ({@code "hours": 1.5} is
 * not 1, {@code "naturalHours": 2} is not true, {@code "itemCode": 5} is not "5", {@code "hours": "5"} is not 5), and
 * every string keeps {@link TextRules} (no control character but tab and line breaks, at most {@link
 * TextRules#MAX_ANY} characters). A refusal names the field ({@link RequestProblems}). Only request bodies are read
 * so; the application's own {@code JsonMapper} (stored JSON, outgoing messages) is left as it is.
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonRequests {

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    ServerHttpMessageConvertersCustomizer strictJsonConverter(JsonMapper json) {
        JacksonJsonHttpMessageConverter converter = new JacksonJsonHttpMessageConverter(strict(json));
        return builder -> builder.withJsonConverter(converter);
    }

    /** {@code base} with no scalar coercion and with checked strings. */
    static JsonMapper strict(JsonMapper base) {
        return base.rebuild()
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .withCoercionConfig(
                        LogicalType.Integer,
                        c -> c.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(
                        LogicalType.Float,
                        c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(
                        LogicalType.Boolean,
                        c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .withCoercionConfig(
                        LogicalType.Textual,
                        c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .addModule(new SimpleModule("text-rules").addDeserializer(String.class, new CheckedStrings()))
                .build();
    }

    /** Strings as Jackson reads them, then held to {@link TextRules}. */
    static final class CheckedStrings extends StringDeserializer {

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            String text = super.deserialize(p, ctxt);
            if (text != null) {
                var violation = TextRules.violation(text, TextRules.MAX_ANY);
                if (violation.isPresent()) {
                    throw new TextRefused(p, violation.get());
                }
            }
            return text;
        }
    }

    /** A string that breaks {@link TextRules}; its message says how, without the field, which the path names. */
    static final class TextRefused extends MismatchedInputException {

        TextRefused(JsonParser p, String why) {
            super(p, why, String.class);
        }
    }
}
