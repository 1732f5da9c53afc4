package io.tierflow.ui.home;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.tierflow.ui.web.Redirects;

/** The start page: the forms, where every user's work begins. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class HomePage {

    @GET
    public Response home() {
        return Redirects.seeOther("/forms").build();
    }
}
