package io.tierflow.ui.home;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.tierflow.ui.web.Pages;
import io.tierflow.ui.web.Redirects;

/**
 * The start page and, until the engines' pages exist, placeholders for the three nav targets so
 * the top bar never leads to a 404. Delete a placeholder method when its real page arrives.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class HomePage {

    @Inject
    Pages pages;

    @Inject
    @Location("placeholder.html")
    Template placeholder;

    @GET
    public Response home() {
        return Redirects.seeOther("/forms").build();
    }

    private TemplateInstance placeholder(String titleCode, String textCode) {
        return pages.page(placeholder).data("title", pages.text(titleCode)).data("text", pages.text(textCode));
    }
}
