package io.tierflow.form.api;

import io.quarkus.security.Authenticated;
import io.tierflow.form.type.ChinaRegions;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;

/**
 * The places a {@code china_region} field offers, one level at a time, for cascading selects:
 * {@code GET /api/regions} the provinces, {@code GET /api/regions/{code}} a province's cities or a city's
 * districts (empty for anything else). Served from the bundled data: no network needed.
 */
@Path("/api/regions")
@Authenticated
public class RegionResource {

    public record Place(String code, String name) {
    }

    @GET
    public List<Place> provinces() {
        return places(ChinaRegions.get().provinces());
    }

    @GET
    @Path("{code}")
    public List<Place> children(@PathParam("code") String code) {
        return places(ChinaRegions.get().children(code));
    }

    private static List<Place> places(List<ChinaRegions.Region> regions) {
        return regions.stream().map(r -> new Place(r.code(), r.name())).toList();
    }
}
