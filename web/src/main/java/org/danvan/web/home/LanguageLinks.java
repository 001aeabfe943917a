package org.danvan.web.home;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The language switch's link: the page the user is on, with the same query (the search, the period, the unit)
 * and {@code lang} set, so that switching keeps their place. A page shown for a form that was sent (a POST)
 * links to its own address without the form, as a reload would. Pages call it as {@code @languageLinks}.
 */
@Component("languageLinks")
public class LanguageLinks {

    public String to(String language) {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return "/?lang=" + language;
        }
        HttpServletRequest request = attributes.getRequest();
        // an error page is a forward: the link is to the address the user asked for
        Object forwarded = request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI);
        String path = forwarded != null ? forwarded.toString() : request.getRequestURI();
        String query = forwarded != null ? (String) request.getAttribute(RequestDispatcher.FORWARD_QUERY_STRING) : request.getQueryString();
        // one leading slash: a link starting with // would lead to another host
        // path and query as the browser sent them, already encoded
        return UriComponentsBuilder.fromPath(path.replaceFirst("^/+", "/")).query(query)
                .replaceQueryParam("lang", language).build().toUriString();
    }
}
