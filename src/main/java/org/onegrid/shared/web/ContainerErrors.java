package org.onegrid.shared.web;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.Host;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Errors that Tomcat answers before the application sees the request — a path it cannot decode ({@code %00}, {@code
 * %ZZ}), a request line or header over its limit — in the caller's language too: a small problem document under
 * {@code /api}, the {@link ErrorFormat} of the path where there is one (Open311), a short Chinese page otherwise,
 * instead of Tomcat's English HTML report. Everything that reaches the application is answered by {@link
 * ErrorAnswers}.
 */
@Component
class ContainerErrors implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    static final String DETAIL = "The request cannot be read: its path, query or headers are malformed or too long";

    private final ObjectProvider<ErrorFormat> formats;

    ContainerErrors(ObjectProvider<ErrorFormat> formats) {
        this.formats = formats;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof Host host) {
                Valve valve = new Valve(formats);
                if (host instanceof StandardHost standard) {
                    // the host adds its error report valve of this class only if none is there yet
                    standard.setErrorReportValveClass(Valve.class.getName());
                }
                host.getPipeline().addValve(valve);
            }
        });
    }

    /** Tomcat's error report valve, writing in the caller's format. */
    static final class Valve extends ErrorReportValve {

        private final ObjectProvider<ErrorFormat> formats;

        Valve(ObjectProvider<ErrorFormat> formats) {
            this.formats = formats;
        }

        /** Tomcat creates the valve by its class name when it has none. */
        public Valve() {
            this(null);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int code = response.getStatus();
            if (code < 400 || response.getContentWritten() > 0) {
                return;
            }
            AtomicBoolean io = new AtomicBoolean(false);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, io);
            if (!io.get()) {
                return;
            }
            HttpStatus status = HttpStatus.resolve(code) == null ? HttpStatus.BAD_REQUEST : HttpStatus.resolve(code);
            String detail = status.is5xxServerError() ? "The server could not process the request" : DETAIL;
            String path = request.getRequestURI() == null ? "" : request.getRequestURI();
            try {
                if (formats != null) {
                    for (ErrorFormat format : formats.orderedStream().toList()) {
                        if (format.covers(path)) {
                            ResponseEntity<String> answer = format.answer(path, status, detail);
                            write(response, String.valueOf(answer.getHeaders().getContentType()), answer.getBody());
                            return;
                        }
                    }
                }
                if (path.startsWith("/api/")) {
                    write(
                            response,
                            MediaType.APPLICATION_PROBLEM_JSON_VALUE + ";charset=UTF-8",
                            "{\"type\":\"https://onegrid.org/problems/"
                                    + (status.is5xxServerError() ? "internal-error" : "invalid-input")
                                    + "\",\"title\":\"" + status.getReasonPhrase() + "\",\"status\":" + code
                                    + ",\"detail\":\"" + detail + "\"}");
                } else {
                    write(
                            response,
                            MediaType.TEXT_HTML_VALUE + ";charset=UTF-8",
                            "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"><title>请求无效</title>"
                                    + "<link rel=\"stylesheet\" href=\"/css/console.css\"></head><body><main class=\"page\">"
                                    + "<div class=\"panel\"><h1>请求无效</h1><p>请求的地址或内容格式不正确，无法识别（错误代码 " + code
                                    + "）。</p><p><a href=\"/\">返回首页</a></p></div></main></body></html>");
                }
            } catch (IOException | RuntimeException e) {
                // the connection is gone or the response cannot be written: nothing more to say
            }
        }

        /** As Tomcat's own report is written: through the response's reporter, then the response finished. */
        private static void write(Response response, String type, String body) throws IOException {
            response.setContentType(type);
            java.io.Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        }
    }
}
