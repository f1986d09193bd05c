package org.onegrid.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A parameter a handler takes as one value ({@code @RequestParam String text}, {@code int page}) is refused when the
 * request repeats it ({@code ?text=a&text=b}), with {@code 400} naming it: Spring would join the values with a comma
 * ({@code "a,b"}) and go on with a value nobody sent. Lists, arrays and maps of parameters may repeat.
 */
@Configuration(proxyBeanMethods = false)
class SingleParameters implements WebMvcConfigurer, HandlerInterceptor {

    private final Map<Method, List<String>> singles = new ConcurrentHashMap<>();

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method) {
            for (String name : singles.computeIfAbsent(method.getMethod(), m -> singleNames(method))) {
                String[] values = request.getParameterValues(name);
                if (values != null && values.length > 1) {
                    throw Problems.invalid(name, name + " may be given once, not " + values.length + " times");
                }
            }
        }
        return true;
    }

    private static List<String> singleNames(HandlerMethod method) {
        List<String> names = new ArrayList<>();
        for (MethodParameter parameter : method.getMethodParameters()) {
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (param == null) {
                continue;
            }
            Class<?> type = parameter.getParameterType();
            if (type.isArray()
                    || Collection.class.isAssignableFrom(type)
                    || Map.class.isAssignableFrom(type)
                    || MultipartFile.class.isAssignableFrom(type)
                    || jakarta.servlet.http.Part.class.isAssignableFrom(type)) {
                continue;
            }
            String name = !param.name().isEmpty()
                    ? param.name()
                    : parameter.getParameter().getName();
            if (name != null) {
                names.add(name);
            }
        }
        return List.copyOf(names);
    }
}
