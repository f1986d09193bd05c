package org.onegrid.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.onegrid.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.ControllerAdviceBean;

/**
 * What pages need around their model (map tiles and the like) is never prepared for an API request: no controller
 * advice with model attributes or binder set-up applies to a REST controller.
 */
@IntegrationTest
class ControllerAdviceScopeTests {

    @Autowired
    ApplicationContext context;

    static boolean preparesModels(Class<?> advice) {
        ReflectionUtils.MethodFilter preparing = m -> AnnotatedElementUtils.hasAnnotation(m, InitBinder.class)
                || (AnnotatedElementUtils.hasAnnotation(m, ModelAttribute.class)
                        && !AnnotatedElementUtils.hasAnnotation(m, RequestMapping.class));
        return !MethodIntrospector.selectMethods(advice, preparing).isEmpty();
    }

    @Test
    void noAdviceThatPreparesAPageModelAppliesToARestController() {
        List<Class<?>> restControllers = context.getBeansWithAnnotation(RestController.class).values().stream()
                .<Class<?>>map(ClassUtils::getUserClass)
                .filter(type -> !AnnotatedElementUtils.hasAnnotation(type, ControllerAdvice.class))
                .toList();
        assertThat(restControllers).isNotEmpty();

        for (ControllerAdviceBean advice : ControllerAdviceBean.findAnnotatedBeans(context)) {
            if (preparesModels(advice.getBeanType())) {
                assertThat(restControllers)
                        .as(advice.getBeanType().getName())
                        .noneMatch(advice::isApplicableToBeanType);
            }
        }
    }
}
