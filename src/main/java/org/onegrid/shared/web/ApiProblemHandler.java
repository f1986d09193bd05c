package org.onegrid.shared.web;

import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Spring MVC's own refusals (a missing parameter, an unsupported media type, an {@link
 * org.springframework.web.ErrorResponseException} such as {@link Problems} throws ...) as RFC 9457 problem details,
 * for REST controllers only. Pages answer with the error page and Open311 with its error arrays ({@code
 * ErrorAnswers}): Spring Boot's own handler ({@code spring.mvc.problemdetails.enabled}) applies to every controller,
 * so a page asked for an incident outside the user's scope showed the problem's JSON.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiProblemHandler extends ResponseEntityExceptionHandler {}
