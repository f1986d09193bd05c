package org.onegrid.integration;

import java.util.List;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;

/**
 * The hotline platform every test application context of this JVM calls back: one {@link TestReceiver}, started
 * with the first context, its URL given as {@code onegrid.hotline.callback-url}. The same customizer for every test
 * class, so that the contexts stay shared.
 */
public final class TestReceivers implements ContextCustomizerFactory {

    private static TestReceiver hotline;

    /** The hotline platform's stand-in. */
    public static synchronized TestReceiver hotline() {
        if (hotline == null) {
            hotline = new TestReceiver();
        }
        return hotline;
    }

    @Override
    public ContextCustomizer createContextCustomizer(
            Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        return new HotlineCallbackUrl();
    }

    private static final class HotlineCallbackUrl implements ContextCustomizer {

        @Override
        public void customizeContext(
                org.springframework.context.ConfigurableApplicationContext context,
                org.springframework.test.context.MergedContextConfiguration merged) {
            context.getEnvironment()
                    .getPropertySources()
                    .addFirst(new MapPropertySource(
                            "testHotlineReceiver",
                            java.util.Map.of(
                                    "onegrid.hotline.callback-url", hotline().url("/12345/callback"))));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof HotlineCallbackUrl;
        }

        @Override
        public int hashCode() {
            return HotlineCallbackUrl.class.hashCode();
        }
    }
}
